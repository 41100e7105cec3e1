package org.sanjeh.survey.invite;

import java.util.Optional;

/** Where to find how to reach a customer on a channel: the identity's value without its kind. */
@FunctionalInterface
public interface CustomerIdentities {
  Optional<String> of(String customerId, String kind);
}
