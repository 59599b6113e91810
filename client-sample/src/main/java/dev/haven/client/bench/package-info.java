/**
 * The load tool and the reference server: {@code java -jar haven-bench.jar COMMAND}.
 *
 * <p>{@link dev.haven.client.bench.BenchMain} dispatches to the commands: {@code fanout},
 * {@code hold} and {@code saturate} open many WebSocket connections with Netty's client on
 * NIO ({@code BenchClient}, one {@code BenchConnection} handler per member), send stamped
 * messages at a fixed rate ({@code Sender}) and record send→receive latency in HdrHistogram
 * ({@code RunStats}); {@code ProcessProbe} reads the server's CPU time and memory from
 * {@code /proc}. {@code config} writes a Haven configuration with synthetic rooms and raised
 * limits; {@code reference} runs {@code ReferenceBroadcastServer}, bare Netty broadcast, which
 * the same code drives. Loopback only ({@code LoopbackOnly}); every wait is bounded in time
 * and every loop in count. See docs/performance.md.
 */
package dev.haven.client.bench;
