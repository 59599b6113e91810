/** The Haven server's entry point: command line, start and stop. */
package dev.haven.server;
