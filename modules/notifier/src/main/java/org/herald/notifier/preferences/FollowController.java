package org.herald.notifier.preferences;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.email.LinkTokens;
import org.herald.notifier.email.LinkTokens.Purpose;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.StoryFollowers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Following a story from the link in an email, without login: the signed token names the
 * member and the announcement. {@code GET /follow?token=} shows a page with a button and
 * changes nothing (mail scanners fetch links); {@code POST /follow?token=} follows the
 * story, so every announcement that follows it up reaches the member whatever their tags.
 */
@Controller
class FollowController {

    private final LinkTokens tokens;

    private final Members members;

    private final StoryFollowers followers;

    private final AnnouncementStore announcements;

    private final Pages pages;

    FollowController(LinkTokens tokens, Members members, StoryFollowers followers, AnnouncementStore announcements,
            Pages pages) {
        this.tokens = tokens;
        this.members = members;
        this.followers = followers;
        this.announcements = announcements;
        this.pages = pages;
    }

    @GetMapping("/follow")
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        return withStory(token, (member, story) -> this.pages.render(HttpStatus.OK, "follow",
                Map.of("token", token, "email", member.email(), "story", story.title())));
    }

    @PostMapping("/follow")
    ResponseEntity<String> follow(@RequestParam(required = false) String token) {
        return withStory(token, (member, story) -> {
            this.followers.follow(member.id(), story.id());
            return this.pages.render(HttpStatus.OK, "followed",
                    Map.of("email", member.email(), "story", story.title()));
        });
    }

    private ResponseEntity<String> withStory(String token, Action action) {
        LinkTokens.Verified verified = this.tokens.verify(token, Purpose.FOLLOW);
        if (verified.expired()) {
            return this.pages.render(HttpStatus.GONE, "invalid-link", Map.of("expired", true));
        }
        if (verified.memberId().isEmpty() || verified.subject().isEmpty()) {
            return this.pages.render(HttpStatus.BAD_REQUEST, "invalid-link", Map.of("expired", false));
        }
        Optional<Member> member = this.members.find(verified.memberId().get());
        if (member.isEmpty()) {
            return this.pages.render(HttpStatus.NOT_FOUND, "no-member", Map.of());
        }
        UUID storyId = verified.subject().get();
        Optional<AnnouncementTagged> story = this.announcements.find(storyId);
        if (story.isEmpty()) {
            return this.pages.render(HttpStatus.BAD_REQUEST, "invalid-link", Map.of("expired", false));
        }
        return action.apply(member.get(), story.get());
    }

    @FunctionalInterface
    private interface Action {

        ResponseEntity<String> apply(Member member, AnnouncementTagged story);

    }

}
