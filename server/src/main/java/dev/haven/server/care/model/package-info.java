/**
 * The crisis detector's second stage: a sentence-embedding model run in-process
 * ({@link dev.haven.server.care.model.OnnxSentenceEncoder}, e5-small-v2 by ONNX Runtime, nothing
 * downloaded), a small classifier over its embeddings
 * ({@link dev.haven.server.care.model.CrisisClassifier}, weights from
 * {@link dev.haven.server.care.model.ClassifierTrainer} and the labelled corpus), and the bounded
 * thread that reads members' messages with them off the rooms' threads
 * ({@link dev.haven.server.care.model.SecondStage}). Nothing here logs text, and nothing keeps a
 * message after reading it. Members' messages are never used to train or evaluate the model.
 */
package dev.haven.server.care.model;
