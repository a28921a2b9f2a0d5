/// The document properties Excel shows under File › Info (docProps/core.xml and app.xml).
public struct DocumentProperties: Hashable, Sendable {
    /// Title.
    public var title: String?
    /// Subject.
    public var subject: String?
    /// Author (`dc:creator`).
    public var author: String?
    /// Manager.
    public var manager: String?
    /// Company.
    public var company: String?
    /// Category.
    public var category: String?
    /// Keywords.
    public var keywords: String?
    /// Comments (`dc:description`).
    public var comments: String?
    /// Creation time in seconds since 1970-01-01T00:00:00Z, written in UTC. Set it (from
    /// the inputs or `SOURCE_DATE_EPOCH`) and the file is byte-for-byte reproducible;
    /// `nil` uses the time of `setProperties`. Must be 1…253402300799 (year 9999):
    /// libxlsxwriter reads 0 as "now".
    public var created: Int?

    /// Makes properties; all fields default to absent.
    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil,
        manager: String? = nil, company: String? = nil, category: String? = nil,
        keywords: String? = nil, comments: String? = nil, created: Int? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}
