package io.jcable.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo turns JSON into text as Ruby does; expected values are what Ruby 3.1 prints. */
class RubyTextTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader("[" + text + "]")).readArray().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"lobby\"           | lobby",
        "1                   | 1",
        "-0                  | 0",
        "1.50                | 1.5",
        "1e2                 | 100.0",
        "1E+3                | 1000.0",
        "1e15                | 1000000000000000.0",
        "1e16                | 1.0e+16",
        "0.0001              | 0.0001",
        "0.00001             | 1.0e-05",
        "1.0e-7              | 1.0e-07",
        "-2.5e-5             | -2.5e-05",
        "123456789012345678  | 123456789012345678",
        "0.0                 | 0.0",
        "true                | true",
        "null                | ''",
        "[1,\"a\",null,2.0]  | '[1, \"a\", nil, 2.0]'",
        "{\"k\":[true]}      | '{\"k\"=>[true]}'",
    })
    void printsValuesAsRubysToS(String json, String ruby) {
        assertEquals(ruby, RubyText.text(json(json)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "false", "\"\"", "\"  \"", "\"\\u00a0\"", "\"\\u2007\\u3000\"", "\"\\u0085\"", "[]", "{}"})
    void blankAsRubysBlank(String json) {
        assertTrue(RubyText.isBlank(json(json)), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "true", "\"a\"", "\" x \"", "[null]", "{\"a\":1}", "\"\\u200b\""})
    void notBlank(String json) {
        assertFalse(RubyText.isBlank(json(json)), json);
    }
}
