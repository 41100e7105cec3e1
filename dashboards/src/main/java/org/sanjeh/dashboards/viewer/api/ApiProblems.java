package org.sanjeh.dashboards.viewer.api;

import org.sanjeh.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's refusals as RFC 9457 problems: which parameter, which value, why. */
@RestControllerAdvice(assignableTypes = DashboardApiController.class)
class ApiProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(BadRequestValue.class)
  ProblemDetail badValue(BadRequestValue e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad filter or parameter value");
    problem.setProperty("field", e.field());
    problem.setProperty("value", e.value());
    return problem;
  }

  /** DrillQuery's own checks (a tile's value of the wrong type): the request's fault. */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badTile(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad drill-down");
    problem.setProperty("field", "at");
    return problem;
  }

  /** The SQL and the server's address stay in the log; the browser learns to try again. */
  @ExceptionHandler(WarehouseException.class)
  ResponseEntity<ProblemDetail> warehouseDown(WarehouseException e) {
    LOG.warn("a dashboard query failed: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The warehouse did not answer; the dashboard tries again by itself.");
    problem.setTitle("Warehouse unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }
}
