/// Explains how to write a date the author got wrong.
enum DateAdvice {
    /// A sentence for a malformed or impossible date.
    static func advice(for text: String) -> String {
        let parts = text.split(separator: ".")
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) {
            let iso = String(format4(year)) + "-" + pad(month) + "-" + pad(day)
            return "Write dates as YYYY-MM-DD: \(iso)."
        }
        let dashed = text.split(separator: "-")
        if dashed.count == 3, let month = Int(dashed[1]), let day = Int(dashed[2]) {
            if !(1...12).contains(month) { return "The month \(month) does not exist." }
            if day > 28 { return "That day does not exist in that month." }
        }
        return "Write dates as YYYY-MM-DD (2025-05-08), or YYYY-MM when only the month is known."
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func format4(_ value: Int) -> String { value < 100 ? "20\(pad(value))" : "\(value)" }
}
