import Foundation

/// Locates and reads the shared test data in `Tests/Fixtures/`.
enum Fixtures {
    /// `Tests/Fixtures/`, found from this source file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The URL of a fixture, given its path below `Tests/Fixtures/`.
    static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// The contents of a fixture as UTF-8 text.
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// A JSON fixture decoded as `type`.
    static func decode<Value: Decodable>(_ type: Value.Type, from relativePath: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(contentsOf: url(relativePath)))
    }
}
