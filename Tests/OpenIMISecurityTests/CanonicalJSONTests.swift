import OpenIMISecurity
import Testing

/// RFC 8785's own examples, as far as they use integers, strings and structure.
@Suite struct CanonicalJSONTests {
    @Test func membersAreSortedByUTF16CodeUnits() {
        // RFC 8785 §3.2.3 sorting example (numbers replaced by their key's position).
        let value = CanonicalJSON.object([
            "\u{20AC}": .string("Euro Sign"), "\r": .string("Carriage Return"), "\u{FB33}": .string("Hebrew Letter Dalet With Dagesh"),
            "1": .string("One"), "\u{1F600}": .string("Emoji: Grinning Face"), "\u{0080}": .string("Control"),
            "\u{00F6}": .string("Latin Small Letter O With Diaeresis"),
        ])
        #expect(
            value.text
                == "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{0080}\":\"Control\",\"\u{00F6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20AC}\":\"Euro Sign\",\"\u{1F600}\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        )
    }

    @Test func stringsAreEscapedMinimally() {
        // RFC 8785 §3.2.2.2 string example: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/".
        let value = CanonicalJSON.string("\u{20AC}$\u{0F}\nA'B\"\\\\\"/")
        #expect(value.text == "\"\u{20AC}$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"")
        #expect(CanonicalJSON.string("\u{08}\u{0C}\t\r\u{1F}").text == "\"\\b\\f\\t\\r\\u001f\"")
    }

    @Test func structureHasNoWhitespace() {
        let value = CanonicalJSON.object([
            "literals": .array([.null, .bool(true), .bool(false)]), "numbers": .array([.integer(333_333_333), .integer(-1), .integer(0)]),
            "nested": .object(["b": .array([]), "a": .object([:])]),
        ])
        #expect(value.text == #"{"literals":[null,true,false],"nested":{"a":{},"b":[]},"numbers":[333333333,-1,0]}"#)
        #expect(CanonicalJSON.integer(CanonicalJSON.maximumInteger).text == "9007199254740991")
    }
}
