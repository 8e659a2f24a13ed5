import PortalModel

/// Every content file parsed and checked on its own, before references between files are resolved.
struct ParsedContent: Sendable {
    var site: ObjectValue?
    var siteDisplayPath: String = "site.yml"
    var bodies: [ObjectValue] = []
    var partners: [ObjectValue] = []
    var motions: [ParsedDocument] = []
    var measures: [ParsedDocument] = []
    var updates: [ParsedDocument] = []
    var pages: [ParsedDocument] = []
    var assets: [Asset] = []
}
