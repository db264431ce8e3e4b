package io.jcable.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which pages may open a WebSocket: the decision made before every upgrade. */
class OriginPolicyTest {

    private static final OriginPolicy UNSET = policy(null);

    @Test
    void aRequestWithoutOriginIsAdmitted() {
        assertTrue(UNSET.admits(false, headers("Host", "app.example")));
        assertTrue(UNSET.admits(false, headers()));
        assertTrue(policy("").admits(false, headers("Host", "app.example")));
    }

    @Test
    void thePagesOfTheRequestsOwnSchemeHostAndPortAreAdmitted() {
        assertTrue(UNSET.admits(false, headers("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080")));
        assertTrue(UNSET.admits(true, headers("Host", "app.example", "Origin", "https://app.example")));
    }

    @Test
    void anotherSchemeHostOrPortIsAnotherSite() {
        assertFalse(UNSET.admits(false, headers("Host", "app.example", "Origin", "http://evil.example")));
        assertFalse(UNSET.admits(false, headers("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8081")),
                "a page served from another port");
        assertFalse(UNSET.admits(false, headers("Host", "app.example", "Origin", "https://app.example")),
                "an https page to a plain http request");
        assertFalse(UNSET.admits(true, headers("Host", "app.example", "Origin", "http://app.example")));
        assertFalse(UNSET.admits(false, headers("Host", "app.example", "Origin", "http://app.example.evil.example")));
        assertFalse(UNSET.admits(false, headers("Host", "app.example", "Origin", "null")), "an opaque origin");
        assertFalse(UNSET.admits(false, headers("Host", "app.example", "Origin", "http://app.example/path")));
        assertFalse(UNSET.admits(false, headers("Origin", "http://app.example")), "no Host: no own origin to compare with");
    }

    @Test
    void defaultPortsAreTheSameAsNoPort() {
        assertTrue(UNSET.admits(false, headers("Host", "app.example", "Origin", "http://app.example:80")));
        assertTrue(UNSET.admits(false, headers("Host", "app.example:80", "Origin", "http://app.example")));
        assertTrue(UNSET.admits(true, headers("Host", "app.example:443", "Origin", "https://app.example")));
        assertFalse(UNSET.admits(false, headers("Host", "app.example", "Origin", "http://app.example:443")));
    }

    @Test
    void schemeAndHostAreComparedWhateverTheirCase() {
        assertTrue(UNSET.admits(false, headers("Host", "App.Example", "Origin", "HTTP://app.EXAMPLE")));
        assertTrue(UNSET.admits(false, headers("host", "app.example", "origin", "http://app.example")),
                "header names too");
    }

    @Test
    void anIpv6HostMatchesInAnySpelling() {
        assertTrue(UNSET.admits(false, headers("Host", "[::1]:8080", "Origin", "http://[::1]:8080")));
        assertTrue(UNSET.admits(false, headers("Host", "[0:0:0:0:0:0:0:1]:8080", "Origin", "http://[::1]:8080")));
        assertTrue(UNSET.admits(true, headers("Host", "[2001:DB8::1]", "Origin", "https://[2001:db8::1]:443")));
        assertFalse(UNSET.admits(false, headers("Host", "[::1]:8080", "Origin", "http://[::2]:8080")));
        assertFalse(UNSET.admits(false, headers("Host", "[::1]:8080", "Origin", "http://127.0.0.1:8080")));
    }

    @Test
    void listedOriginsAreAdmittedBesidesTheOwnOne() {
        OriginPolicy listed = policy(" https://app.example , http://localhost:3000,");
        assertTrue(listed.admits(false, headers("Host", "api.example", "Origin", "https://app.example")));
        assertTrue(listed.admits(false, headers("Host", "api.example", "Origin", "https://APP.example:443")));
        assertTrue(listed.admits(false, headers("Host", "api.example", "Origin", "http://localhost:3000")));
        assertTrue(listed.admits(false, headers("Host", "api.example", "Origin", "http://api.example")), "its own");
        assertFalse(listed.admits(false, headers("Host", "api.example", "Origin", "http://app.example")));
        assertFalse(listed.admits(false, headers("Host", "api.example", "Origin", "http://localhost:3001")));
    }

    @Test
    void aStarAdmitsAnyOrigin() {
        OriginPolicy any = policy("*");
        assertTrue(any.anyOrigin());
        assertTrue(any.admits(false, headers("Host", "app.example", "Origin", "http://evil.example")));
        assertTrue(any.admits(false, headers("Host", "app.example", "Origin", "null")));
        assertTrue(policy("https://app.example, *").anyOrigin());
    }

    @Test
    void anEmptyListStillRefusesEveryOtherSite() {
        OriginPolicy empty = policy("");
        assertEquals(UNSET, empty);
        assertFalse(empty.admits(false, headers("Host", "app.example", "Origin", "http://evil.example")));
        assertTrue(empty.admits(false, headers("Host", "app.example", "Origin", "http://app.example")));
    }

    @Test
    void forwardedHeadersCountOnlyWhenTrusted() {
        Function<String, String> behindProxy = headers("Host", "10.0.0.5:8080", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "app.example", "Origin", "https://app.example");
        assertFalse(UNSET.admits(false, behindProxy), "a client may send these headers itself");
        OriginPolicy trusting = OriginPolicy.read(Optional.empty(), true);
        assertTrue(trusting.admits(false, behindProxy));
        assertTrue(trusting.admits(false, headers("Host", "app.example", "X-Forwarded-Proto", "https, http",
                "Origin", "https://app.example")), "the first proxy's value; the Host when no X-Forwarded-Host");
        assertFalse(trusting.admits(false, headers("Host", "app.example", "X-Forwarded-Host", "app.example",
                "Origin", "https://app.example")), "the request's own scheme when no X-Forwarded-Proto");
    }

    @Test
    void anEntryThatIsNotAnOriginFailsAtStartNamingTheOption() {
        for (String bad : new String[] {"app.example", "https://app.example/", "https://app.example:99999", "null"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> policy(bad));
            assertTrue(refused.getMessage().startsWith("jcable.allowed-origins takes origins like"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith(": " + bad), refused.getMessage());
        }
    }

    @Test
    void originsAreSpelledAsBrowsersSendThem() {
        assertEquals("https://app.example", WebOrigin.parse("HTTPS://App.Example:443").orElseThrow().toString());
        assertEquals(WebOrigin.parse("http://[::1]:8080"), WebOrigin.parse("http://[0:0::1]:8080"));
        assertEquals(Optional.empty(), WebOrigin.parse("http://user@app.example"));
        assertEquals(Optional.empty(), WebOrigin.parse("http://app.example:8080:1"));
    }

    private static OriginPolicy policy(String allowedOrigins) {
        return OriginPolicy.read(Optional.ofNullable(allowedOrigins), false);
    }

    /** Headers as a servlet request gives them: by name, whatever its case. */
    private static Function<String, String> headers(String... nameValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.put(nameValues[i], nameValues[i + 1]);
        }
        return headers::get;
    }
}
