extension String {
    /// The string with `suffix` replaced by `replacement`, or with `replacement` appended when it does not end in
    /// `suffix` (for the cache's companion files: `site-….cache` → `site-….snapshot`).
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        (hasSuffix(suffix) ? String(dropLast(suffix.count)) : self) + replacement
    }
}
