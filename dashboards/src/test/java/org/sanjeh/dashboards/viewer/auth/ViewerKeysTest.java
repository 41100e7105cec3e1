package org.sanjeh.dashboards.viewer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.core.util.Hashes;

class ViewerKeysTest {

  @Test
  void aKeyIsAcceptedByItsHashAndNothingElseIs() {
    ViewerKeys keys =
        ViewerKeys.fromConfiguration(
            List.of("wall:" + Hashes.sha256Hex("wall-screen-key-1234")), Optional.empty());

    assertThat(keys.accepts("wall-screen-key-1234")).isTrue();
    assertThat(keys.accepts("wall-screen-key-1235")).isFalse();
    assertThat(keys.accepts("")).isFalse();
    assertThat(keys.accepts(null)).isFalse();
  }

  @Test
  void theKeyInTheKeyFileIsAcceptedToo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("viewer-key"), "demo-key-0123456789abcdef\n");

    ViewerKeys keys = ViewerKeys.fromConfiguration(List.of(), Optional.of(file));

    assertThat(keys.accepts("demo-key-0123456789abcdef")).isTrue();
  }

  @Test
  void noKeyAtAllOrAMalformedEntryStopsTheStartSayingWhatToSet(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ViewerKeys.fromConfiguration(List.of(), Optional.empty()))
        .hasMessageContaining("SANJEH_VIEWER_APIKEYS");
    assertThatThrownBy(() -> ViewerKeys.fromConfiguration(List.of("wall:secret"), Optional.empty()))
        .hasMessageContaining("name:sha256-hex")
        .hasMessageNotContaining("secret");
    Path shortKey = Files.writeString(dir.resolve("k"), "short");
    assertThatThrownBy(() -> ViewerKeys.fromConfiguration(List.of(), Optional.of(shortKey)))
        .hasMessageContaining("shorter than 16");
  }
}
