package io.jcable.turbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every Turbo 8 action's exact HTML, as turbo-rails renders it, and its attributes escaped. */
class TurboStreamTest {

    private static final String HTML = "<p id=\"c1\">Nice & <b>bold</b></p>";

    @Test
    void eachActionWithContentWrapsItInATemplateAsItIs() {
        assertEquals("<turbo-stream action=\"append\" target=\"comments\"><template>" + HTML + "</template></turbo-stream>",
                TurboStream.append("comments", HTML).html());
        assertEquals("<turbo-stream action=\"prepend\" target=\"comments\"><template>" + HTML + "</template></turbo-stream>",
                TurboStream.prepend("comments", HTML).html());
        assertEquals("<turbo-stream action=\"replace\" target=\"c1\"><template>" + HTML + "</template></turbo-stream>",
                TurboStream.replace("c1", HTML).html());
        assertEquals("<turbo-stream action=\"update\" target=\"c1\"><template>" + HTML + "</template></turbo-stream>",
                TurboStream.update("c1", HTML).html());
        assertEquals("<turbo-stream action=\"before\" target=\"c1\"><template>" + HTML + "</template></turbo-stream>",
                TurboStream.before("c1", HTML).html());
        assertEquals("<turbo-stream action=\"after\" target=\"c1\"><template>" + HTML + "</template></turbo-stream>",
                TurboStream.after("c1", HTML).html());
    }

    @Test
    void removeAndRefreshHaveNoTemplate() {
        assertEquals("<turbo-stream action=\"remove\" target=\"c1\"></turbo-stream>", TurboStream.remove("c1").html());
        assertEquals("<turbo-stream action=\"refresh\"></turbo-stream>", TurboStream.refresh().html());
        assertEquals("<turbo-stream action=\"refresh\" request-id=\"a&quot;b\"></turbo-stream>", TurboStream.refresh("a\"b").html());
    }

    @Test
    void targetsTakeACssSelectorAndEveryAttributeIsEscaped() {
        assertEquals("<turbo-stream action=\"remove\" targets=\".draft[data-by=&quot;bob&quot;]\"></turbo-stream>",
                TurboStream.remove(".draft[data-by=\"bob\"]").toTargets().html());
        assertEquals("<turbo-stream action=\"append\" target=\"a&lt;b&gt;&amp;&#39;\"><template>x</template></turbo-stream>",
                TurboStream.append("a<b>&'", "x").html());
        assertThrows(IllegalStateException.class, () -> TurboStream.refresh().toTargets());
    }

    @Test
    void morphIsForReplaceUpdateAndRefreshOnly() {
        assertEquals("<turbo-stream action=\"replace\" target=\"c1\" method=\"morph\"><template>x</template></turbo-stream>",
                TurboStream.replace("c1", "x").morph().html());
        assertEquals("<turbo-stream action=\"update\" targets=\".c\" method=\"morph\"><template>x</template></turbo-stream>",
                TurboStream.update(".c", "x").toTargets().morph().html());
        assertEquals("<turbo-stream action=\"refresh\" method=\"morph\"></turbo-stream>", TurboStream.refresh().morph().html());
        assertEquals("<turbo-stream action=\"refresh\" method=\"morph\" request-id=\"r1\" scroll=\"preserve\"></turbo-stream>",
                TurboStream.refresh("r1").preserveScroll().morph().html());
        assertThrows(IllegalStateException.class, () -> TurboStream.remove("c").preserveScroll());
        IllegalStateException append = assertThrows(IllegalStateException.class, () -> TurboStream.append("c", "x").morph());
        assertEquals("Turbo morphs only on replace, update and refresh, not append", append.getMessage());
    }

    @Test
    void nothingIsLeftOutSilently() {
        assertThrows(NullPointerException.class, () -> TurboStream.append(null, "x"));
        assertThrows(NullPointerException.class, () -> TurboStream.append("c", null));
    }
}
