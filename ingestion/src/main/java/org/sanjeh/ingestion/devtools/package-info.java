/**
 * DEVELOPMENT TOOLS ONLY, not part of the product: generators of test exports and benchmark
 * runners. Nothing in the importers depends on this package; it is meant to move to the {@code
 * devtools} module.
 */
package org.sanjeh.ingestion.devtools;
