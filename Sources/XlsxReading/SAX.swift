import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the events of one part. Element names are local names (namespaces are
/// processed, so `x:c` and `c` are the same); attribute keys keep their prefix (`r:id`).
protocol SAXHandler: AnyObject {
    func start(_ element: String, attributes: [String: String]) throws(PartFailure)
    func end(_ element: String) throws(PartFailure)
    func characters(_ text: String)
}

enum SAX {
    /// Streams `data` through `handler` with Foundation's `XMLParser` (libxml2's SAX
    /// parser on Linux): no DOM, no external entities, and no DTD at all.
    ///
    /// `XMLParser` on Linux returns `true` for some broken documents (mismatched or missing
    /// end tags) and sets `parserError` only for some, so success also requires that the
    /// root element was seen and closed.
    static func parse(_ data: Data, with handler: SAXHandler) throws(PartFailure) {
        try checkEncoding(data)
        if let failure = screen(data) { throw failure }
        let driver = Driver(handler: handler)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = driver
        let succeeded = parser.parse()
        if let failure = driver.failure { throw failure }
        guard succeeded, parser.parserError == nil else {
            throw .damaged(Reason.xmlSyntax(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)))
        }
        guard driver.rootClosed else { throw .damaged(Reason.xmlIncomplete) }
    }

    /// Refuses encodings that are not ASCII-compatible (UTF-16, UTF-32): Excel writes
    /// UTF-8, and `screen` reads the bytes as UTF-8.
    private static func checkEncoding(_ data: Data) throws(PartFailure) {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.contains(0) {
            throw .damaged(Reason.xmlEncoding)
        }
    }

    /// Checks, in one pass, what must not reach `XMLParser`:
    /// - a DOCTYPE or entity declaration (`<!DOCTYPE`, `<!ENTITY`, any case, anywhere):
    ///   no entity expansion ("billion laughs"), no external DTD or entity;
    /// - bytes that are not strict UTF-8 (no overlong forms, surrogates or values over
    ///   U+10FFFF): in recovery mode libxml2 hands invalid bytes in element names on, and
    ///   `XMLParser` on Linux traps on them (swift-corelibs-foundation,
    ///   `_NSXMLParserStartElementNs`);
    /// - processing instructions: one without data (`<?pi?>`, also `<?xml?>`) makes
    ///   `XMLParser` on Linux call `strlen(NULL)`. Parts never need them, so every `<?` is
    ///   refused except a leading XML declaration (`<?xml` and a space).
    /// Matches inside comments or CDATA are refused too: telling those apart here could
    /// disagree with libxml2's error recovery on broken input.
    static func screen(_ data: Data) -> PartFailure? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> PartFailure? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var declaration = 0
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { declaration = 3 }
            var i = 0
            while i < count {
                let lead = bytes[i]
                if lead < 0x80 {
                    if lead == 0x3C, i + 1 < count {
                        if bytes[i + 1] == 0x3F {  // "<?"
                            let isDeclaration = i == declaration && i + 5 < count
                                && bytes[i + 2] == 0x78 && bytes[i + 3] == 0x6D && bytes[i + 4] == 0x6C  // "xml"
                                && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 5])
                            if !isDeclaration { return .damaged(Reason.xmlProcessingInstruction) }
                        } else if bytes[i + 1] == 0x21,  // "<!"
                                  matches("DOCTYPE", bytes, at: i + 2) || matches("ENTITY", bytes, at: i + 2) {
                            return .damaged(Reason.xmlDoctype)
                        }
                    }
                    i += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return .damaged(Reason.xmlInvalidUTF8)
                }
                guard i + length <= count else { return .damaged(Reason.xmlInvalidUTF8) }
                let second = bytes[i + 1]
                guard second >= low, second <= high else { return .damaged(Reason.xmlInvalidUTF8) }
                for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return .damaged(Reason.xmlInvalidUTF8) }
                i += length
            }
            return nil
        }
    }

    /// Whether `word` (ASCII letters) is at `index`, ignoring case.
    private static func matches(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pointer = word.utf8Start
        for k in 0..<length where bytes[index + k] | 0x20 != pointer[k] | 0x20 { return false }
        return true
    }

    private final class Driver: NSObject, XMLParserDelegate {
        let handler: SAXHandler
        var failure: PartFailure?
        var depth = 0
        var rootClosed = false

        init(handler: SAXHandler) { self.handler = handler }

        private func fail(_ parser: XMLParser, _ error: PartFailure) {
            failure = error
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard failure == nil else { return }
            depth += 1
            do { try handler.start(localName(elementName), attributes: attributeDict) } catch { fail(parser, error) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            guard failure == nil else { return }
            depth -= 1
            if depth == 0 { rootClosed = true }
            do { try handler.end(localName(elementName)) } catch { fail(parser, error) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil else { return }
            handler.characters(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard failure == nil else { return }
            handler.characters(String(decoding: CDATABlock, as: UTF8.self))
        }

        /// `x:c` → `c`, for prefixes libxml2 leaves on (undeclared ones).
        private func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
