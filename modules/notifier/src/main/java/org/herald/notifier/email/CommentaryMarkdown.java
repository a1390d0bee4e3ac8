package org.herald.notifier.email;

import java.net.URI;
import java.util.Locale;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The association's commentary, written in markdown, made safe for an email (commonmark):
 * raw HTML is escaped, so it shows as text; a link is kept only to an absolute http(s) or
 * mailto URL, any other ({@code javascript:}, {@code data:}, relative) becomes its text;
 * an image becomes its description. The plain-text part is the same text, readable.
 */
final class CommentaryMarkdown {

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer HTML = HtmlRenderer.builder()
        .escapeHtml(true)
        .sanitizeUrls(true)
        .softbreak("<br>\n")
        .build();

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private CommentaryMarkdown() {
    }

    /** The commentary as HTML, safe to put in an email as it is. */
    static String html(String markdown) {
        return HTML.render(parse(markdown));
    }

    /** The commentary as plain text. */
    static String text(String markdown) {
        return TEXT.render(parse(markdown)).strip();
    }

    private static Node parse(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new Unlinker());
        return document;
    }

    /** Whether {@code url} may be a link: absolute http(s) with a host, or mailto. */
    static boolean safe(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
            return ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null)
                    || scheme.equals("mailto");
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** Replaces each unsafe link by its text and each image by its description. */
    private static final class Unlinker extends AbstractVisitor {

        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!safe(link.getDestination())) {
                unwrap(link);
            }
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
            unwrap(image);
        }

        private static void unwrap(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
        }

    }

}
