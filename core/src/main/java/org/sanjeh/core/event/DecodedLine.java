package org.sanjeh.core.event;

/**
 * One line of an NDJSON batch and what became of it.
 *
 * @param line 1-based line number in the batch
 * @param raw the line's bytes exactly as received, kept for the dead-letter store
 */
public record DecodedLine(int line, byte[] raw, DecodeResult result) {}
