/**
 * Crisis-language detection: a pure, allocation-light function from a message's text to a
 * {@link dev.haven.server.care.detect.Detection} (a tier and whether a method is described).
 * It runs on the room's thread for every member's message, so the common case (no match) is one
 * normalising pass and one pass of an Aho–Corasick automaton; cues are read only around a match.
 * The words it looks for come from a {@link dev.haven.server.care.detect.Lexicon}, a data file.
 * Nothing here logs, and a {@code Detection} never carries the words that matched.
 */
package dev.haven.server.care.detect;
