package dev.haven.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.haven.protocol.model.Role;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void mayModerate_onlyFacilitatorsAndSupervisors() {
        assertThat(Permissions.mayModerate(Role.FACILITATOR)).isTrue();
        assertThat(Permissions.mayModerate(Role.SUPERVISOR)).isTrue();
        assertThat(Permissions.mayModerate(Role.MEMBER)).isFalse();
    }

    @Test
    void mayActOn_supervisorsAndFacilitators_neverOnEachOther() {
        assertThat(Permissions.mayActOn(Role.SUPERVISOR, Role.MEMBER)).isTrue();
        assertThat(Permissions.mayActOn(Role.SUPERVISOR, Role.FACILITATOR)).isFalse();
        assertThat(Permissions.mayActOn(Role.FACILITATOR, Role.SUPERVISOR)).isFalse();
    }

    @Test
    void mayActOn_facilitatorOnMember_isAllowed() {
        assertThat(Permissions.mayActOn(Role.FACILITATOR, Role.MEMBER)).isTrue();
    }

    @Test
    void mayActOn_facilitatorOnFacilitator_isRefused() {
        assertThat(Permissions.mayActOn(Role.FACILITATOR, Role.FACILITATOR)).isFalse();
    }

    @Test
    void mayActOn_memberOnAnyone_isRefused() {
        assertThat(Permissions.mayActOn(Role.MEMBER, Role.MEMBER)).isFalse();
        assertThat(Permissions.mayActOn(Role.MEMBER, Role.FACILITATOR)).isFalse();
    }
}
