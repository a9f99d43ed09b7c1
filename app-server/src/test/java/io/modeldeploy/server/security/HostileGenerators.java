package io.modeldeploy.server.security;

import io.modeldeploy.model.FieldRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.modeldeploy.server.security.TestHttp.encode;

/**
 * Generators of hostile input: JSON of every wrong shape (wrong types, nulls, huge and tiny
 * numbers, deep nesting, huge strings, unicode, lone surrogates, invalid UTF-8, trailing garbage,
 * BOMs, top-level arrays and scalars), query strings, version segments, event ids and names
 * outside the name rule. JSON is built as text by hand, so it can be wrong in ways no mapper
 * would write it.
 */
final class HostileGenerators {
    /** Stands for the property's current target deployment in a generated path. */
    static final String TARGET = "__TARGET__";
    static final String WS = "hostile";

    private HostileGenerators() {
    }

    // ---- strings ----

    static final List<String> SPECIAL_STRINGS = List.of(
            "", " ", "\t\n", "null", "true", "0", "-1", "READY", "ready", "READY ", " READY", "DELETED",
            "😀", "😀😀😀", "é", "e\u0301", "\u202Eevil", "\u200B", "\uFEFF", "\u0000", "a\u0000b", "\u001F",
            "\uD800", "\uDFFF", "x\uD83D", "\uFFFF", "\uFFFE", "日本語", "ﬃ", "İ", "\u0130\u0131", "K", "１",
            "' OR '1'='1", "\"; DROP TABLE deployment_version; --", "%", "%%", "_", "\\", "\\\\", "a\\", "%_\\",
            "${jndi:ldap://example.invalid/a}", "${java.home}", "#{1+1}", "<script>alert(1)</script>",
            "../../etc/passwd", "a/b", "a%2Fb", "/", "ws/name", "-/x", "team-a/llama", "a b", "a\r\nb",
            "{\"status\":\"READY\"}", "[]", "{}", "1e999", "NaN", "Infinity", "0x10", "+1", "01");

    static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(20)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(4, Arbitraries.of(SPECIAL_STRINGS)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5)),
                Tuple.of(1, longString()));
    }

    /** Hostile strings short enough for a URL. */
    static Arbitrary<String> shortHostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(20)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(4, Arbitraries.of(SPECIAL_STRINGS)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5)));
    }

    /** Strings around every length limit (255, 1000) and far beyond, in one- and two-char code points. */
    static Arbitrary<String> longString() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(254, 255, 256, 999, 1000, 1001, 4096)),
                Tuple.of(2, Arbitraries.just(65_536)),
                Tuple.of(1, Arbitraries.just(200_000)));
        Arbitrary<String> units = Arbitraries.of("a", "é", "😀", "\u0000", "\"", "\\", "%", "日");
        return Combinators.combine(units, lengths).as((unit, length) -> unit.repeat(length));
    }

    // ---- numbers (as JSON text) ----

    /** Numbers a double can hold. */
    static Arbitrary<String> finiteNumber() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("0", "-0", "1", "-1", "2", "2147483647", "2147483648", "-2147483648",
                        "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                        "1.5", "1.0", "2.0000", "1e2", "1E+2", "1e0", "-1e-2", "0.0", "0e0", "1e308", "-1.7e308",
                        "4.9e-324", "0.1e1", "123456789012345678901234567890", "1" + "0".repeat(999),
                        "1." + "0".repeat(500) + "1", "2147483647.5", "-0.0", "9007199254740993")),
                Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0")),
                Tuple.of(1, Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(60)),
                        new java.math.BigInteger("1" + "0".repeat(60))).map(String::valueOf)));
    }

    /** Numbers beyond double's range or precision: they overflow to infinity or underflow to zero. */
    static Arbitrary<String> extremeNumber() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1e309", "-1e309", "1e999", "-1E400", "2e1000", "9e99999999", "1e-400",
                        "-1e-400", "1.5e-999", "1.0000000000000000000000001", "0.99999999999999999999",
                        "1e1000000000", "1" + "0".repeat(400) + ".5")),
                Tuple.of(1, Arbitraries.integers().between(309, 100_000).map(e -> "1e" + e)),
                Tuple.of(1, Arbitraries.integers().between(325, 100_000).map(e -> "7e-" + e)));
    }

    // ---- JSON values ----

    static Arbitrary<String> jsonString() {
        return Combinators.combine(hostileString(), Arbitraries.of(true, false)).as(HostileGenerators::quote);
    }

    /** Any JSON value, nested a few levels; never numbers beyond double's range. */
    static Arbitrary<String> jsonValue() {
        return Arbitraries.recursive(HostileGenerators::jsonScalar, HostileGenerators::jsonContainer, 0, 3);
    }

    static Arbitrary<String> jsonScalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, jsonString()),
                Tuple.of(3, finiteNumber()),
                Tuple.of(2, Arbitraries.of("true", "false", "null")),
                Tuple.of(1, deepNesting()));
    }

    private static Arbitrary<String> jsonContainer(Arbitrary<String> inner) {
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(values -> "[" + String.join(",", values) + "]");
        Arbitrary<String> object = Combinators.combine(jsonString(), inner).as((k, v) -> k + ":" + v)
                .list().ofMaxSize(4).map(entries -> "{" + String.join(",", entries) + "}");
        return Arbitraries.oneOf(inner, array, object);
    }

    /** Arrays or objects nested 10 to 1500 deep (Jackson allows 1000). */
    static Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(10, 1500), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays
                        ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    // ---- request bodies ----

    /** A field of a body: left out, a good value, or something hostile. */
    static Arbitrary<String> field(String name, Arbitrary<String> good, Arbitrary<String> hostile) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(4, good.map(value -> quote(name, false) + ":" + value)),
                Tuple.of(4, hostile.map(value -> quote(name, false) + ":" + value)));
    }

    /**
     * A JSON object with the given fields (each maybe missing, good or hostile), some extra keys
     * (maybe duplicates of real ones), then as bytes, maybe mangled.
     */
    static Arbitrary<byte[]> body(List<Arbitrary<String>> fields, Arbitrary<String> valueForFields) {
        Arbitrary<String> extra = Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(3, jsonString()),
                                Tuple.of(1, Arbitraries.of("\"name\"", "\"status\"", "\"config\"", "\"__proto__\"",
                                        "\"constructor\"", "\"\"", "\"status \"", "\"Status\""))),
                        valueForFields)
                .as((k, v) -> k + ":" + v);
        Arbitrary<List<String>> members = Combinators.combine(fields).as(values -> values);
        Arbitrary<String> object = Combinators.combine(members, extra.list().ofMaxSize(3), Arbitraries.randoms())
                .as((present, extras, random) -> {
                    List<String> all = new ArrayList<>();
                    present.stream().filter(member -> !member.isEmpty()).forEach(all::add);
                    for (String member : extras) {
                        all.add(random.nextInt(all.size() + 1), member);
                    }
                    return "{" + String.join(",", all) + "}";
                });
        return Combinators.combine(object, mangling(), jsonValue())
                .as((json, mangle, other) -> mangle.apply(json, other));
    }

    /** What can go wrong with a body as a whole. */
    interface Mangling {
        byte[] apply(String json, String otherValue);
    }

    static Arbitrary<Mangling> mangling() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just(named("as is", (json, other) -> utf8(json)))),
                Tuple.of(1, position.map(p -> named("truncated", (json, other) ->
                        utf8(json.substring(0, p % Math.max(1, json.length())))))),
                Tuple.of(1, Arbitraries.of("x", "}", "]", "{}", ",", "\u0000", "// c", "/* c */", " null", "\n{\"a\":1}",
                                "{", "\"", "1", ";")
                        .map(garbage -> named("trailing " + printable(garbage), (json, other) -> utf8(json + garbage)))),
                Tuple.of(2, Combinators.combine(position, Arbitraries.of(INVALID_UTF8)).as((p, bad) ->
                        named("invalid UTF-8 " + HexBytes.of(bad), (json, other) -> insert(utf8(json), p, bad)))),
                Tuple.of(1, Arbitraries.just(named("in an array", (json, other) -> utf8("[" + json + "]")))),
                Tuple.of(1, Arbitraries.just(named("BOM first", (json, other) ->
                        concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json))))),
                Tuple.of(1, Arbitraries.just(named("UTF-16", (json, other) -> json.getBytes(StandardCharsets.UTF_16)))),
                Tuple.of(2, Arbitraries.just(named("another value instead", (json, other) -> utf8(other)))),
                Tuple.of(1, Arbitraries.of("", " ", "\n\t ", "\u0000", "null", "{}", "[]", "\"\"", "0")
                        .map(text -> named("just " + printable(text), (json, other) -> utf8(text)))),
                Tuple.of(1, Arbitraries.just(named("single quotes", (json, other) -> utf8(json.replace('"', '\''))))),
                Tuple.of(1, Arbitraries.just(named("unquoted keys", (json, other) ->
                        utf8(json.replaceAll("\"([a-z_]+)\":", "$1:"))))),
                Tuple.of(1, Arbitraries.just(named("padded", (json, other) ->
                        utf8(" ".repeat(100_000) + json + "\n".repeat(50_000))))),
                Tuple.of(1, Arbitraries.just(named("twice", (json, other) -> utf8(json + json)))));
    }

    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xE2, (byte) 0x82}};

    private static Mangling named(String name, Mangling mangling) {
        return new Mangling() {
            @Override
            public byte[] apply(String json, String otherValue) {
                return mangling.apply(json, otherValue);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    // ---- the bodies of each route ----

    static Arbitrary<String> hostileValue() {
        return jsonValue();
    }

    static Arbitrary<byte[]> createBody(Arbitrary<String> numbers) {
        Arbitrary<String> hostile = Arbitraries.oneOf(hostileValue(), numbers);
        return body(List.of(
                field("name", Arbitraries.integers().between(0, 40).map(i -> quote("made-" + i, false)), hostile),
                field("config", Arbitraries.of("\"cfg\"", "\"" + "c".repeat(255) + "\"", "\"llama-nim\""), hostile),
                field("config_version", Arbitraries.of("0", "1", "7", "null"), Arbitraries.oneOf(numbers, hostile)),
                field("project", Arbitraries.of("\"proj\"", "\"a/b\"", "null"), hostile)), hostile);
    }

    static Arbitrary<byte[]> newVersionBody(Arbitrary<String> numbers) {
        Arbitrary<String> hostile = Arbitraries.oneOf(hostileValue(), numbers);
        return body(List.of(
                field("config", Arbitraries.of("\"cfg-2\"", "\"" + "c".repeat(255) + "\""), hostile),
                field("config_version", Arbitraries.of("0", "2", "null"), Arbitraries.oneOf(numbers, hostile))), hostile);
    }

    static Arbitrary<byte[]> statusBody(Arbitrary<String> numbers) {
        Arbitrary<String> hostile = Arbitraries.oneOf(hostileValue(), numbers);
        Arbitrary<String> statuses = Arbitraries.of("UNKNOWN", "CREATED", "PENDING", "READY", "ERROR", "LOST", "DELETING",
                "DELETED").map(s -> quote(s, false));
        return body(List.of(
                field("status", statuses, hostile),
                field("status_message", hostileString().map(s -> quote(s, false)), hostile),
                field("model_provider_id", Arbitraries.of("\"hostile/provider\"", "null", "\"a/b\""), hostile)), hostile);
    }

    /** A status batch body whose targets name deployments of {@link #WS} called {@code t-batch-0..2} (or junk). */
    static Arbitrary<byte[]> statusBatchBody(Arbitrary<String> numbers) {
        Arbitrary<String> hostile = Arbitraries.oneOf(hostileValue(), numbers);
        Arbitrary<String> statuses = Arbitraries.of("CREATED", "PENDING", "READY", "ERROR", "LOST", "DELETING",
                "DELETED").map(s -> quote(s, false));
        Arbitrary<String> target = Combinators.combine(
                        field("workspace", Arbitraries.of("\"" + WS + "\"", "\"-\"", "\"other-ws\""), hostile),
                        field("name", Arbitraries.of("\"t-batch-0\"", "\"t-batch-1\"", "\"t-batch-2\"", "\"nope\""), hostile),
                        field("version", Arbitraries.of("1", "2", "3", "null", "0", "-1"), Arbitraries.oneOf(numbers, hostile)),
                        field("if_match", Arbitraries.of("\"*\"", "null", "\"x\""), hostile))
                .as((workspace, name, version, ifMatch) -> "{" + String.join(",", Stream.of(workspace, name, version,
                        ifMatch).filter(member -> !member.isEmpty()).toList()) + "}");
        Arbitrary<String> targets = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.oneOf(target, hostile).list().ofMinSize(0).ofMaxSize(4)
                        .map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(1, Arbitraries.of("[]", "null", "{}", "\"targets\"")));
        Arbitrary<byte[]> hostileBody = body(List.of(
                field("status", statuses, hostile),
                field("status_message", hostileString().map(s -> quote(s, false)), hostile),
                field("model_provider_id", Arbitraries.of("\"hostile/provider\"", "null"), hostile),
                field("targets", targets, hostile)), hostile);
        // valid bodies too, so that the refusals that need the database (404, 409, 412, duplicates) happen
        Arbitrary<String> validTarget = Combinators.combine(Arbitraries.of("t-batch-0", "t-batch-1", "nope"),
                        Arbitraries.of("", ",\"version\":1", ",\"version\":2", ",\"version\":9"),
                        Arbitraries.of("", ",\"if_match\":\"*\"", ",\"if_match\":\"x\""))
                .as((name, version, ifMatch) -> "{\"workspace\":\"" + WS + "\",\"name\":\"" + name + "\"" + version
                        + ifMatch + "}");
        Arbitrary<byte[]> validBody = Combinators.combine(statuses, validTarget.list().ofMinSize(1).ofMaxSize(3))
                .as((status, items) -> utf8("{\"status\":" + status + ",\"status_message\":\"batch\",\"targets\":["
                        + String.join(",", items) + "]}"));
        return Arbitraries.frequencyOf(Tuple.of(2, hostileBody), Tuple.of(1, validBody));
    }

    static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(16, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=utf-8", "application/json; charset=iso-8859-1",
                        "application/json;charset=UTF-16", "APPLICATION/JSON", "application/json; boundary=x")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                        "application/xml", "*/*", "application/*", "json", "", ";", "application/json, text/plain",
                        "text/event-stream")),
                Tuple.of(1, Arbitraries.just(null)));
    }

    // ---- query strings ----

    static final List<String> FILTER_FIELDS = List.of("workspace", "project", "status", "config", "model_provider_id",
            "name", "status_message", "created_at", "updated_at");
    static final List<String> OPERATORS = List.of("$eq", "$like", "$in", "$nin", "$gte", "$lte");

    static Arbitrary<String> queryValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, shortHostileString()),
                Tuple.of(1, Arbitraries.of(255, 1000, 3000, 9000).map("q"::repeat)),
                Tuple.of(3, finiteNumber()),
                Tuple.of(1, extremeNumber()),
                Tuple.of(2, Arbitraries.of("READY", "PENDING,READY", ",", ",,", "READY,bogus", "%", "%%", "_", "\\",
                        "a\\", "abc\\", "\\%", "[a-z]*", "2026-07-01T10:00:00Z", "2026-13-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00+18:00", "0000-01-01T00:00:00Z",
                        "2026-07-01T10:00:00", "2026-07-01", "1970-01-01T00:00:00-18:00", "true", "false", "yes",
                        "1", "0", "-", "-name", "--name", "name", "-created_at", "created_at ", "STATUS")),
                Tuple.of(1, jsonValue().filter(json -> json.length() < 2000)));
    }

    static Arbitrary<String> queryKey() {
        Arbitrary<String> field = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(FILTER_FIELDS)),
                Tuple.of(1, shortHostileString()));
        Arbitrary<String> operator = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(OPERATORS)),
                Tuple.of(1, Arbitraries.of("$regex", "", "$EQ", "eq", "$in]", "[$in", "$like$like", "$ne")),
                Tuple.of(1, shortHostileString()));
        Arbitrary<String> fittingOperator = Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(Arbitraries.of("created_at", "updated_at"), Arbitraries.of("$gte", "$lte"))
                        .as((f, o) -> "filter[" + f + "][" + o + "]")),
                Tuple.of(5, Combinators.combine(Arbitraries.of(FILTER_FIELDS.subList(0, 7)), Arbitraries.of("$eq", "$like", "$in", "$nin"))
                        .as((f, o) -> "filter[" + f + "][" + o + "]")));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("page", "page_size", "sort", "all_versions", "version", "last_event_id")),
                Tuple.of(3, field.map(f -> "filter[" + f + "]")),
                Tuple.of(3, fittingOperator),
                Tuple.of(1, Combinators.combine(field, operator).as((f, o) -> "filter[" + f + "][" + o + "]")),
                Tuple.of(1, Arbitraries.of("filter", "filter[]", "filter[name", "filter.name", "filter[name][$eq][x]",
                        "filter[[name]]", "Filter[name]", "filter%5Bname%5D", "page[", "", "=", "&", "sort[]")),
                Tuple.of(1, shortHostileString()));
    }

    /** {@code ?k=v&...}, keys and values percent-encoded (valid escapes); sometimes a bare key or a lone '&'. */
    static Arbitrary<String> queryString() {
        Arbitrary<String> pair = Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(queryKey(), queryValue()).as((k, v) -> encode(k) + "=" + encode(v))),
                Tuple.of(1, queryKey().map(TestHttp::encode)),
                Tuple.of(1, Arbitraries.of("&", "=", "==", "a=b=c", "%20=%20", "+=+", ";")));
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    // ---- path segments ----

    static Arbitrary<String> versionSegment() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("0", "-1", "-0", "3", "99", " 1", "1 ", "+1", "01", "1.0", "1e0", "0x1", "٣", "１",
                        "2147483647", "2147483648", "-2147483648", "99999999999999999999", "", " ", "abc", "NaN",
                        "null", "Infinity", "1;", "1,2", "1%", "%", "\u0000", "😀", "1\u00A0")),
                Tuple.of(2, finiteNumber()),
                Tuple.of(1, extremeNumber()),
                Tuple.of(2, shortHostileString()));
    }

    static Arbitrary<String> eventId() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", " ", "0", "-1", "-0", "+1", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775808", "1.5", "1e3", "abc", "٣", "１", "0x10", " 5 ", "5,6", "null")),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, finiteNumber()),
                Tuple.of(1, shortHostileString()));
    }

    // ---- names outside the rule ----

    /** A name the rule ({@code ^[\w\-.]+$}, at most 255 characters) refuses. */
    static Arbitrary<String> invalidName() {
        Arbitrary<String> withBadChars = Combinators.combine(
                        Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(10),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(5),
                        Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(10))
                .as((a, bad, b) -> a + bad + b);
        return Arbitraries.frequencyOf(
                        Tuple.of(4, withBadChars),
                        Tuple.of(2, Arbitraries.of(SPECIAL_STRINGS)),
                        Tuple.of(1, Arbitraries.integers().between(256, 2000).map("n"::repeat)),
                        Tuple.of(1, Arbitraries.of("a b", "a/b", "a\\b", "a?b", "a#b", "a%b", "a&b", "a=b", "a+b", "a;b",
                                "a:b", "a@b", "a,b", "a*b", "a'b", "a\"b", "a<b", "a|b", "a~b", "a!b", "a$b", "a(b)",
                                "a[b]", "a{b}", "a^b", "a`b", "naïve", "ａ", "日本", "😀", "a\u0000", "a\tb", "a\nb",
                                "\u00A0", "a\u200Bb")))
                .filter(name -> !FieldRule.NAME.accepts(name));
    }

    // ---- raw request targets ----

    /** Bytes for a request target: invalid escapes, raw bytes over 0x7F, characters that should be encoded. */
    static Arbitrary<byte[]> rawSegment() {
        Arbitrary<byte[]> pieces = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("%", "%2", "%G0", "%zz", "%%", "%0", "%FF", "%FE%FF", "%C3%28", "%ED%A0%80",
                        "%C0%AF", "%00", "%2F", "%5C", "%25", "%2525", "%u0041", "%E2%82", "%F0%9F%98", "..", ".",
                        "\"", "<", ">", "{", "}", "|", "^", "`", "[", "]", "\\", "'", "!", "$", "*", ",", ";", "=",
                        "@", ":", "~", "+").map(HostileGenerators::ascii)),
                Tuple.of(2, Arbitraries.bytes().between((byte) 0x80, (byte) 0xFF).array(byte[].class).ofMinSize(1)
                        .ofMaxSize(4)),
                Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6).map(HostileGenerators::ascii)));
        return pieces.list().ofMinSize(1).ofMaxSize(5).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    // ---- helpers ----

    /** A JSON string literal; control characters and lone surrogates always as \\u escapes, other non-ASCII maybe. */
    static String quote(String value, boolean escapeAllNonAscii) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean surrogate = Character.isSurrogate(c);
            boolean pairedSurrogate = surrogate && (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (surrogate && !pairedSurrogate) || (c > 0x7E && escapeAllNonAscii)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static byte[] insert(byte[] bytes, int position, byte[] inserted) {
        int at = bytes.length == 0 ? 0 : position % (bytes.length + 1);
        byte[] all = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, all, 0, at);
        System.arraycopy(inserted, 0, all, at, inserted.length);
        System.arraycopy(bytes, at, all, at + inserted.length, bytes.length - at);
        return all;
    }

    /** For messages: control characters, non-ASCII and long runs made visible. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), 400);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || (c > 0x7E && c < 0xA0)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > limit) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(bytes.length, 400);
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 || b > 0x7E) {
                out.append(String.format("\\x%02X", b));
            } else {
                out.append((char) b);
            }
        }
        if (bytes.length > limit) {
            out.append("...(").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }

    /** Bytes as hex, for names of manglings. */
    static final class HexBytes {
        private HexBytes() {
        }

        static String of(byte[] bytes) {
            StringBuilder out = new StringBuilder();
            for (byte b : bytes) {
                out.append(String.format("%02X", b & 0xff));
            }
            return out.toString();
        }
    }
}
