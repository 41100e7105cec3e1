package org.sanjeh.core.survey;

/**
 * A survey score with its sample size and 95% confidence interval. With no answers there is no
 * value: {@link #value()} and the bounds are NaN and {@link #hasValue()} is false.
 *
 * @param kind CSAT (a share, 0..1), NPS (−100..100) or CES (a mean on 1..7)
 * @param answered responses counted
 * @param invited invitations sent, for the response rate (0 when unknown)
 * @param agreeing CES only: the share answering 5–7; NaN otherwise
 */
public record Score(
    SurveyKind kind,
    long answered,
    long invited,
    double value,
    double low,
    double high,
    double agreeing) {

  public boolean hasValue() {
    return answered > 0;
  }

  /** answered ÷ invited, or NaN when the invitations are not known. */
  public double responseRate() {
    return invited > 0 ? (double) answered / invited : Double.NaN;
  }

  /** Under 30 answers an interval says more than the value does: show both. */
  public boolean smallSample() {
    return answered < 30;
  }
}
