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
        try checkProlog(data)
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

    /// Refuses non-UTF-8-compatible encodings (Excel writes UTF-8) and any DOCTYPE, before
    /// libxml2 sees the bytes: no entity expansion ("billion laughs"), no external DTD.
    /// Only the prolog can hold a DOCTYPE, so the scan stops at the root element.
    private static func checkProlog(_ data: Data) throws(PartFailure) {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.contains(0) {
            throw .damaged(Reason.xmlEncoding)
        }
        let found: Bool = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var i = 0
            if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { i = 3 }
            func hasPrefix(_ text: String, at index: Int) -> Bool {
                let pattern = Array(text.utf8)
                guard index + pattern.count <= raw.count else { return false }
                for k in 0..<pattern.count where raw[index + k] != pattern[k] { return false }
                return true
            }
            func skip(past terminator: String, from index: Int) -> Int? {
                let pattern = Array(terminator.utf8)
                var j = index
                while j + pattern.count <= raw.count {
                    if hasPrefix(terminator, at: j) { return j + pattern.count }
                    j += 1
                }
                return nil
            }
            while i < raw.count {
                let byte = raw[i]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    i += 1
                } else if hasPrefix("<?", at: i) {
                    guard let next = skip(past: "?>", from: i + 2) else { return false }
                    i = next
                } else if hasPrefix("<!--", at: i) {
                    guard let next = skip(past: "-->", from: i + 4) else { return false }
                    i = next
                } else if hasPrefix("<!", at: i) {
                    return true
                } else {
                    return false  // the root element, or text libxml2 will reject
                }
            }
            return false
        }
        if found { throw .damaged(Reason.xmlDoctype) }
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
