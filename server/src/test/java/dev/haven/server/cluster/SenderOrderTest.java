package dev.haven.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderOrderTest {
    private final SenderOrder order = new SenderOrder();
    private final NodeId a = new NodeId("node-a");
    private final NodeId b = new NodeId("node-b");

    @Test
    void accept_inOrder_isNext_perSender() {
        assertThat(order.accept(a, 1)).isEqualTo(SenderOrder.Verdict.NEXT);
        assertThat(order.accept(b, 1)).isEqualTo(SenderOrder.Verdict.NEXT);
        assertThat(order.accept(a, 2)).isEqualTo(SenderOrder.Verdict.NEXT);
    }

    @Test
    void accept_again_isSeen() {
        order.accept(a, 1);
        order.accept(a, 2);
        assertThat(order.accept(a, 1)).isEqualTo(SenderOrder.Verdict.SEEN);
        assertThat(order.accept(a, 2)).isEqualTo(SenderOrder.Verdict.SEEN);
        assertThat(order.accept(a, 3)).isEqualTo(SenderOrder.Verdict.NEXT);
    }

    @Test
    void accept_skipped_isAfterGap_alsoForASendersFirstMessage() {
        order.accept(a, 1);
        assertThat(order.accept(a, 3)).isEqualTo(SenderOrder.Verdict.AFTER_GAP);
        assertThat(order.accept(a, 4)).isEqualTo(SenderOrder.Verdict.NEXT);
        assertThat(order.accept(b, 2)).isEqualTo(SenderOrder.Verdict.AFTER_GAP);
    }

    @Test
    void forget_startsTheSenderOver() {
        order.accept(a, 5);
        order.forget(a);
        assertThat(order.accept(a, 1)).isEqualTo(SenderOrder.Verdict.NEXT);
    }
}
