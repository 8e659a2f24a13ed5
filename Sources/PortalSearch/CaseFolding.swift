/// Full Unicode case folding (CaseFolding.txt, statuses C and F) for single code points.
///
/// A code point folds to its table entry if it has one, else to its lowercase mapping. The table holds every code
/// point whose full folding differs from its lowercase mapping (ß → ss, ẞ → ss, ς → σ, ligatures, Greek iota
/// subscripts…); Cherokee, which folds to upper case, is handled by rule. The same table, in the same text form,
/// is in `templates/static/js/search/analysis.js`; `Tests/Fixtures/search/casefold.json` checks both.
enum CaseFolding {
    /// Appends the full case folding of `scalar` to `output`.
    static func fold(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        forEachFoldedScalar(of: scalar) { output.append($0) }
    }

    /// Appends the UTF-8 bytes of the full case folding of `scalar` to `output`; returns whether any folded
    /// scalar is U+0300 or above (then the result may need canonical composition).
    static func fold(_ scalar: Unicode.Scalar, intoUTF8 output: inout [UInt8]) -> Bool {
        var mayCompose = false
        forEachFoldedScalar(of: scalar) { folded in
            if folded.value >= 0x300 { mayCompose = true }
            appendUTF8(folded, to: &output)
        }
        return mayCompose
    }

    /// Appends the UTF-8 encoding of a scalar.
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Calls `body` with each scalar of the full case folding of `scalar`.
    @inline(__always)
    private static func forEachFoldedScalar(of scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        if value < 0x80 {
            body(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            return
        }
        if let cherokee = cherokeeFolding(value) {
            body(cherokee)
            return
        }
        if let expansion = table[value] {
            expansion.forEach(body)
            return
        }
        if value < 0x250 {
            latinLowercase[Int(value)].forEach(body)
            return
        }
        if !scalar.properties.changesWhenLowercased {
            body(scalar)
            return
        }
        scalar.properties.lowercaseMapping.unicodeScalars.forEach(body)
    }

    /// Cherokee folds to its upper-case letters: those stay, the small letters map to them.
    private static func cherokeeFolding(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x13A0...0x13F5: return Unicode.Scalar(value)
        case 0x13F8...0x13FD: return Unicode.Scalar(value - 8)
        case 0xAB70...0xABBF: return Unicode.Scalar(value - 0x97D0)
        default: return nil
        }
    }

    /// Lowercase mappings of U+0000–U+024F, computed once (most letters of German text are here).
    private static let latinLowercase: [[Unicode.Scalar]] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        return Array(scalar.properties.lowercaseMapping.unicodeScalars)
    }

    /// Entries `XXXX=YYYY ZZZZ;` (hexadecimal code point = folded code points), shared with analysis.js.
    static let tableText =
        """
        00B5=3BC;00DF=73 73;0149=2BC 6E;017F=73;01F0=6A 30C;0345=3B9;0390=3B9 308 301;03B0=3C5 308 301;\
        03C2=3C3;03D0=3B2;03D1=3B8;03D5=3C6;03D6=3C0;03F0=3BA;03F1=3C1;03F5=3B5;0587=565 582;1C80=432;\
        1C81=434;1C82=43E;1C83=441;1C84=442;1C85=442;1C86=44A;1C87=463;1C88=A64B;1E96=68 331;\
        1E97=74 308;1E98=77 30A;1E99=79 30A;1E9A=61 2BE;1E9B=1E61;1E9E=73 73;1F50=3C5 313;\
        1F52=3C5 313 300;1F54=3C5 313 301;1F56=3C5 313 342;1F80=1F00 3B9;1F81=1F01 3B9;1F82=1F02 3B9;\
        1F83=1F03 3B9;1F84=1F04 3B9;1F85=1F05 3B9;1F86=1F06 3B9;1F87=1F07 3B9;1F88=1F00 3B9;\
        1F89=1F01 3B9;1F8A=1F02 3B9;1F8B=1F03 3B9;1F8C=1F04 3B9;1F8D=1F05 3B9;1F8E=1F06 3B9;\
        1F8F=1F07 3B9;1F90=1F20 3B9;1F91=1F21 3B9;1F92=1F22 3B9;1F93=1F23 3B9;1F94=1F24 3B9;\
        1F95=1F25 3B9;1F96=1F26 3B9;1F97=1F27 3B9;1F98=1F20 3B9;1F99=1F21 3B9;1F9A=1F22 3B9;\
        1F9B=1F23 3B9;1F9C=1F24 3B9;1F9D=1F25 3B9;1F9E=1F26 3B9;1F9F=1F27 3B9;1FA0=1F60 3B9;\
        1FA1=1F61 3B9;1FA2=1F62 3B9;1FA3=1F63 3B9;1FA4=1F64 3B9;1FA5=1F65 3B9;1FA6=1F66 3B9;\
        1FA7=1F67 3B9;1FA8=1F60 3B9;1FA9=1F61 3B9;1FAA=1F62 3B9;1FAB=1F63 3B9;1FAC=1F64 3B9;\
        1FAD=1F65 3B9;1FAE=1F66 3B9;1FAF=1F67 3B9;1FB2=1F70 3B9;1FB3=3B1 3B9;1FB4=3AC 3B9;1FB6=3B1 342;\
        1FB7=3B1 342 3B9;1FBC=3B1 3B9;1FBE=3B9;1FC2=1F74 3B9;1FC3=3B7 3B9;1FC4=3AE 3B9;1FC6=3B7 342;\
        1FC7=3B7 342 3B9;1FCC=3B7 3B9;1FD2=3B9 308 300;1FD3=3B9 308 301;1FD6=3B9 342;1FD7=3B9 308 342;\
        1FE2=3C5 308 300;1FE3=3C5 308 301;1FE4=3C1 313;1FE6=3C5 342;1FE7=3C5 308 342;1FF2=1F7C 3B9;\
        1FF3=3C9 3B9;1FF4=3CE 3B9;1FF6=3C9 342;1FF7=3C9 342 3B9;1FFC=3C9 3B9;FB00=66 66;FB01=66 69;\
        FB02=66 6C;FB03=66 66 69;FB04=66 66 6C;FB05=73 74;FB06=73 74;FB13=574 576;FB14=574 565;\
        FB15=574 56B;FB16=57E 576;FB17=574 56D
        """

    private static let table: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in tableText.split(separator: ";") {
            let sides = entry.split(separator: "=")
            guard sides.count == 2, let key = UInt32(sides[0], radix: 16) else { continue }
            table[key] = sides[1].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        return table
    }()
}
