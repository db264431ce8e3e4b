package io.jcable.config;

import java.util.Optional;

/**
 * AnyCable-style JWT identification: off unless {@code jcable.jwt.secret} is set. A client then
 * connects with {@code ?jid=<token>} (or the {@code X-JID} header): an HMAC-signed JWT whose
 * {@code ext} claim is the JSON text of the connection's identifiers, e.g. {@code {"id":"alice"}}.
 * A request without a token goes to the application's {@code ConnectionHandler}.
 *
 * <table>
 * <caption>JWT options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jcable.jwt.secret}</td><td>unset: off</td><td>the HMAC key the tokens are signed with
 *     (HS256, HS384 or HS512; any other algorithm is refused); never logged</td></tr>
 * <tr><td>{@code jcable.jwt.param}</td><td>{@code jid}</td><td>the query parameter that carries the
 *     token; the header is {@code X-} and the same name</td></tr>
 * </table>
 *
 * @param secret the HMAC key (its UTF-8 bytes)
 * @param param  the query parameter's name
 */
public record JwtConfig(String secret, String param) {

    public static final String SECRET = "jcable.jwt.secret";
    public static final String PARAM = "jcable.jwt.param";
    public static final String DEFAULT_PARAM = "jid";

    static Optional<JwtConfig> read(OptionReader options) {
        Optional<String> secret = options.nonEmpty(SECRET);
        String param = options.text(PARAM, DEFAULT_PARAM);
        return secret.map(key -> new JwtConfig(key, param.isEmpty() ? DEFAULT_PARAM : param));
    }

    /** The header that carries the token: {@code X-JID} for the default parameter. */
    public String header() {
        return "X-" + param;
    }

    @Override
    public String toString() {
        return "?" + param + "= or " + header(); // never the secret
    }
}
