package org.herald.notifier.member;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who follows which story: a member follows an announcement, and hears about every
 * announcement that follows it up, whatever their tags. Following a story from a
 * follow-up's email, or following the story a follow-up continues, both work: a follow-up
 * is followed by the followers of what it follows up.
 */
public final class StoryFollowers {

    private final JdbcClient jdbc;

    public StoryFollowers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes {@code memberId} follow {@code announcementId}; false if they already did.
     */
    public boolean follow(UUID memberId, UUID announcementId) {
        return this.jdbc.sql("""
                INSERT INTO notifier.story_follower (member_id, announcement_id) VALUES (:member, :announcement)
                ON CONFLICT DO NOTHING
                """).param("member", memberId).param("announcement", announcementId).update() == 1;
    }

    /**
     * The followers of any of {@code followed}, who now follow {@code followUp} too; each
     * once, with their address. Call it in the transaction that takes the follow-up in.
     */
    public List<Follower> carryOver(UUID followUp, List<UUID> followed) {
        if (followed.isEmpty()) {
            return List.of();
        }
        String ids = followed.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        this.jdbc.sql("""
                INSERT INTO notifier.story_follower (member_id, announcement_id)
                SELECT DISTINCT member_id, :followUp FROM notifier.story_follower
                WHERE announcement_id = ANY (CAST(:ids AS uuid[]))
                ON CONFLICT DO NOTHING
                """).param("followUp", followUp).param("ids", ids).update();
        return this.jdbc
            .sql("""
                    SELECT DISTINCT m.id, m.email FROM notifier.story_follower f JOIN notifier.member m ON m.id = f.member_id
                    WHERE f.announcement_id = ANY (CAST(:ids AS uuid[]))
                    ORDER BY m.id
                    """)
            .param("ids", ids)
            .query((row, rowNum) -> new Follower(row.getObject("id", UUID.class), row.getString("email")))
            .list();
    }

    /**
     * Whether {@code memberId} follows {@code announcementId}'s story: they followed it,
     * or a story it follows up, and have not unsubscribed from everything since.
     */
    public boolean follows(UUID memberId, UUID announcementId) {
        return this.jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM notifier.story_follower
                               WHERE member_id = :member AND announcement_id = :announcement)
                """).param("member", memberId).param("announcement", announcementId).query(Boolean.class).single();
    }

    /** Ends every story {@code memberId} follows; answers how many. */
    public int unfollowAll(UUID memberId) {
        return this.jdbc.sql("DELETE FROM notifier.story_follower WHERE member_id = :id")
            .param("id", memberId)
            .update();
    }

    /**
     * A member who follows a story.
     *
     * @param memberId the member
     * @param email their address
     */
    public record Follower(UUID memberId, String email) {
    }

}
