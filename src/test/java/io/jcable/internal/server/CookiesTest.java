package io.jcable.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookiesTest {

    @Test
    void readsNameValuePairsTrimmedAndUnquoted() {
        assertEquals(Map.of("session", "abc=def", "theme", "dark", "quoted", "a b"),
                Cookies.parse(List.of("session=abc=def; theme = dark ;quoted=\"a b\"")));
    }

    @Test
    void keepsTheFirstOfTwoCookiesWithOneNameAndSkipsJunk() {
        assertEquals(Map.of("id", "specific"), Cookies.parse(List.of("id=specific; id=general; =nameless; novalue", "")));
    }
}
