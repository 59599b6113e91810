/**
 * Crisis-language detection, the first stage: a pure, allocation-light function from a message's
 * text to a {@link dev.haven.server.care.detect.Detection} (a tier and whether the member's own
 * statement joins intent and a method). It runs on the room's thread for every member's message,
 * so the common case (no match) is one normalising pass, one pass over fillers and respellings,
 * and one pass of an Aho–Corasick automaton; cues are read only around a match. The words it
 * looks for come from a {@link dev.haven.server.care.detect.Lexicon}, a data file. Nothing here
 * logs, and a {@code Detection} never carries the words that matched. What it does not alert on
 * goes on to the second stage ({@code dev.haven.server.care.model}).
 */
package dev.haven.server.care.detect;
