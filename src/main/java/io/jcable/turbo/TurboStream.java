package io.jcable.turbo;

import java.util.Locale;
import java.util.Objects;

/**
 * One {@code <turbo-stream>} element, typed: Turbo 8's actions, aimed at one element by id
 * ({@code target}) or at every element a CSS selector matches ({@code targets}), with the user's HTML
 * as content. Attributes are escaped; the content is taken as it is (it is HTML the application
 * rendered).
 *
 * <pre>{@code
 * TurboStream.append("comments", html).html()
 *   // <turbo-stream action="append" target="comments"><template>…</template></turbo-stream>
 * TurboStream.replace("comment_7", html).morph()       // method="morph"
 * TurboStream.remove(".draft").toTargets()              // targets=".draft"
 * TurboStream.refresh().morph().preserveScroll()        // the page fetches itself again, morphed in place
 * }</pre>
 */
public final class TurboStream {

    /** Turbo 8's stream actions. */
    public enum Action {
        APPEND, PREPEND, REPLACE, UPDATE, REMOVE, BEFORE, AFTER, REFRESH;

        /** As the {@code action} attribute writes it. */
        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Action action;
    private final String target;
    private final boolean targets;
    private final String content;
    private final boolean morph;
    private final String requestId;
    private final boolean preserveScroll;

    private TurboStream(Action action, String target, boolean targets, String content, boolean morph, String requestId,
                        boolean preserveScroll) {
        this.action = action;
        this.target = target;
        this.targets = targets;
        this.content = content;
        this.morph = morph;
        this.requestId = requestId;
        this.preserveScroll = preserveScroll;
    }

    private static TurboStream of(Action action, String target, String html) {
        return new TurboStream(action, Objects.requireNonNull(target, "target"), false,
                Objects.requireNonNull(html, "html"), false, null, false);
    }

    /** Adds {@code html} at the end of the target's children. */
    public static TurboStream append(String target, String html) {
        return of(Action.APPEND, target, html);
    }

    /** Adds {@code html} at the start of the target's children. */
    public static TurboStream prepend(String target, String html) {
        return of(Action.PREPEND, target, html);
    }

    /** Puts {@code html} in the target's place. */
    public static TurboStream replace(String target, String html) {
        return of(Action.REPLACE, target, html);
    }

    /** Puts {@code html} in place of the target's children. */
    public static TurboStream update(String target, String html) {
        return of(Action.UPDATE, target, html);
    }

    /** Inserts {@code html} just before the target. */
    public static TurboStream before(String target, String html) {
        return of(Action.BEFORE, target, html);
    }

    /** Inserts {@code html} just after the target. */
    public static TurboStream after(String target, String html) {
        return of(Action.AFTER, target, html);
    }

    /** Removes the target. */
    public static TurboStream remove(String target) {
        return new TurboStream(Action.REMOVE, Objects.requireNonNull(target, "target"), false, null, false, null, false);
    }

    /** Tells the page to fetch itself again (Turbo 8's page refresh). */
    public static TurboStream refresh() {
        return new TurboStream(Action.REFRESH, null, false, null, false, null, false);
    }

    /**
     * A refresh that the page which made the change ignores (turbo-rails' {@code request_id}: the page
     * sends it in {@code X-Turbo-Request-Id}).
     */
    public static TurboStream refresh(String requestId) {
        return new TurboStream(Action.REFRESH, null, false, null, false, Objects.requireNonNull(requestId, "requestId"), false);
    }

    /** The same, aimed at every element its target, taken as a CSS selector, matches ({@code targets}). */
    public TurboStream toTargets() {
        if (target == null) {
            throw new IllegalStateException("a refresh has no target");
        }
        return new TurboStream(action, target, true, content, morph, requestId, preserveScroll);
    }

    /**
     * The same with {@code method="morph"}: Turbo morphs the target instead of swapping it; for
     * {@code replace}, {@code update} and {@code refresh} (as Turbo 8 reads it).
     */
    public TurboStream morph() {
        if (action != Action.REPLACE && action != Action.UPDATE && action != Action.REFRESH) {
            throw new IllegalStateException("Turbo morphs only on replace, update and refresh, not " + action.attribute());
        }
        return new TurboStream(action, target, targets, content, true, requestId, preserveScroll);
    }

    /** A refresh that keeps the page where it is scrolled ({@code scroll="preserve"}). */
    public TurboStream preserveScroll() {
        if (action != Action.REFRESH) {
            throw new IllegalStateException("only a refresh keeps the scroll, not " + action.attribute());
        }
        return new TurboStream(action, target, targets, content, morph, requestId, true);
    }

    public Action action() {
        return action;
    }

    /** The element as HTML: what a page's {@code <turbo-cable-stream-source>} applies. */
    public String html() {
        StringBuilder out = new StringBuilder(64 + (content == null ? 0 : content.length()));
        out.append("<turbo-stream action=\"").append(action.attribute()).append('"');
        if (target != null) {
            out.append(targets ? " targets=\"" : " target=\"").append(Html.attribute(target)).append('"');
        }
        if (morph) {
            out.append(" method=\"morph\"");
        }
        if (requestId != null) {
            out.append(" request-id=\"").append(Html.attribute(requestId)).append('"');
        }
        if (preserveScroll) {
            out.append(" scroll=\"preserve\"");
        }
        out.append('>');
        if (content != null) {
            out.append("<template>").append(content).append("</template>");
        }
        return out.append("</turbo-stream>").toString();
    }

    @Override
    public String toString() {
        return html();
    }
}
