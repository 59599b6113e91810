package dev.haven.server.room;

import dev.haven.protocol.model.PresenceKind;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff keep their names. When a facilitator or supervisor comes into a room where a member
 * (a guest, or anyone else without a staff role) already goes by a name that looks like
 * theirs ({@link DisplayNames#lookAlike}), the member gives way: it takes the first free
 * suffix, everyone sees a presence {@code update} with its new name, and the messages of it
 * that the room still holds carry the new name too, so that no one joining later reads them
 * under the staff member's name. Runs on the room's executor, from {@link Room}'s join.
 */
final class StaffNames {
    private static final Logger log = LoggerFactory.getLogger(StaffNames.class);

    private StaffNames() {
    }

    /** The staff member {@code staff} just came in: members whose names look like its name give way. */
    static void claim(Room room, Member staff) {
        List<Member> lookAlikes = new ArrayList<>(1);
        for (Member member : room.presence.all()) {
            if (!member.isFacilitator() && DisplayNames.lookAlike(member.name(), staff.name())) {
                lookAlikes.add(member);
            }
        }
        for (Member member : lookAlikes) {
            List<Member> others = new ArrayList<>(room.presence.all());
            others.remove(member);
            String renamed = DisplayNames.unique(member.identity().name(), others);
            member.rename(renamed);
            room.history.rename(member.id(), member.userInfo());
            room.presence.announce(PresenceKind.UPDATE, member);
            log.info("name gave way to staff room={} user={} staff={}", room.id(), member.id(), staff.id());
        }
    }
}
