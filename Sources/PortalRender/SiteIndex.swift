import PortalModel

/// Every lookup the pages need, computed once per build: entities by id and the reverse relations
/// (motion → implementing measures, measure → updates, body → consultations, …). All lists keep the site's order.
struct SiteIndex: Sendable {
    let site: Site
    /// Measures in German alphabetical order of their titles, as lists show them.
    let measures: [Measure]
    /// Partners in German alphabetical order of their names.
    let partners: [Partner]
    let bodiesByID: [String: Body]
    let partnersByID: [String: Partner]
    let areasByID: [String: Area]
    let motionsByReference: [String: Motion]
    let measuresBySlug: [String: Measure]
    let updatesBySlug: [String: Update]
    let pagesBySlug: [String: Page]
    /// Measures whose `motions` name the motion (whole or one item), by motion reference.
    let measuresByMotion: [String: [Measure]]
    /// Measures that fulfil one resolution item, by motion reference and item id.
    let measuresByItem: [ItemKey: [Measure]]
    /// Updates related to a motion, newest first.
    let updatesByMotion: [String: [Update]]
    /// Updates related to a measure, newest first.
    let updatesByMeasure: [String: [Update]]
    /// Measures working with a partner.
    let measuresByPartner: [String: [Measure]]
    /// Consultations held by a body (or referred to it), oldest first.
    let consultationsByBody: [String: [BodyConsultation]]
    /// Motions a body submitted.
    let motionsByOriginator: [String: [Motion]]
    /// Motions that name a motion as related, in both directions.
    let relatedMotions: [String: [Motion]]
    /// The easy-language version of a standard page, by the standard page's slug.
    let easyLanguageVersions: [String: Page]

    /// A resolution item of a motion.
    struct ItemKey: Hashable, Sendable {
        let reference: String
        let item: Int
    }

    /// A consultation together with its paper.
    struct BodyConsultation: Sendable {
        let motion: Motion
        let consultation: Consultation
        /// Whether the body is named as `referredTo` rather than holding the consultation.
        let isReferral: Bool
    }

    init(site: Site) {
        self.site = site
        measures = GermanCollation.sorted(site.measures, by: \.title)
        partners = GermanCollation.sorted(site.partners, by: \.name)
        bodiesByID = Dictionary(site.bodies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        partnersByID = Dictionary(site.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        areasByID = Dictionary(site.config.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        motionsByReference = Dictionary(site.motions.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        measuresBySlug = Dictionary(site.measures.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        updatesBySlug = Dictionary(site.updates.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        pagesBySlug = Dictionary(site.pages.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })

        var measuresByMotion: [String: [Measure]] = [:]
        var measuresByItem: [ItemKey: [Measure]] = [:]
        var measuresByPartner: [String: [Measure]] = [:]
        for measure in measures {
            var seenMotions = Set<String>()
            for link in measure.motions {
                if seenMotions.insert(link.reference).inserted { measuresByMotion[link.reference, default: []].append(measure) }
                if let item = link.item {
                    let key = ItemKey(reference: link.reference, item: item)
                    if measuresByItem[key]?.last?.slug != measure.slug { measuresByItem[key, default: []].append(measure) }
                }
            }
            for partner in Set(measure.partners).sorted() { measuresByPartner[partner, default: []].append(measure) }
        }
        self.measuresByMotion = measuresByMotion
        self.measuresByItem = measuresByItem
        self.measuresByPartner = measuresByPartner

        var updatesByMotion: [String: [Update]] = [:]
        var updatesByMeasure: [String: [Update]] = [:]
        for update in site.updates {
            var seen = Set<Update.Related>()
            for related in update.related where seen.insert(related).inserted {
                switch related {
                case .motion(let reference): updatesByMotion[reference, default: []].append(update)
                case .measure(let slug): updatesByMeasure[slug, default: []].append(update)
                }
            }
        }
        self.updatesByMotion = updatesByMotion
        self.updatesByMeasure = updatesByMeasure

        let motionLookup = motionsByReference
        var consultationsByBody: [String: [BodyConsultation]] = [:]
        var motionsByOriginator: [String: [Motion]] = [:]
        var relatedMotions: [String: [Motion]] = [:]
        for motion in site.motions {
            for consultation in motion.consultations {
                consultationsByBody[consultation.organization, default: []]
                    .append(BodyConsultation(motion: motion, consultation: consultation, isReferral: false))
                if let referredTo = consultation.referredTo, referredTo != consultation.organization {
                    consultationsByBody[referredTo, default: []]
                        .append(BodyConsultation(motion: motion, consultation: consultation, isReferral: true))
                }
            }
            if case .body(let id) = motion.originator { motionsByOriginator[id, default: []].append(motion) }
            for reference in motion.related where reference != motion.reference {
                if let other = motionLookup[reference] { relatedMotions[motion.reference, default: []].append(other) }
                relatedMotions[reference, default: []].append(motion)
            }
        }
        for (body, list) in consultationsByBody {
            consultationsByBody[body] = list.sorted { lhs, rhs in
                let left = lhs.consultation.date ?? lhs.motion.date, right = rhs.consultation.date ?? rhs.motion.date
                if left != right { return left < right }
                return lhs.motion.reference < rhs.motion.reference
            }
        }
        for (reference, list) in relatedMotions {
            var seen = Set<String>()
            relatedMotions[reference] = list.filter { seen.insert($0.reference).inserted }
                .sorted { ($0.date, $0.reference) > ($1.date, $1.reference) }
        }
        self.consultationsByBody = consultationsByBody
        self.motionsByOriginator = motionsByOriginator
        self.relatedMotions = relatedMotions

        var easyLanguageVersions: [String: Page] = [:]
        for page in site.pages where page.variant == .easyLanguage {
            if let original = page.translationOf, easyLanguageVersions[original] == nil { easyLanguageVersions[original] = page }
        }
        self.easyLanguageVersions = easyLanguageVersions
    }

    /// The area's label, or its id when the area is unknown.
    func areaLabel(_ id: String) -> String {
        areasByID[id]?.label ?? id
    }

    /// The body's name, or its id when the body is unknown.
    func bodyName(_ id: String) -> String {
        bodiesByID[id]?.name ?? id
    }
}
