import PortalModel

/// Every dated event of the site, computed once per build: papers, consultations, due dates, milestones, updates.
struct Timeline: Sendable {
    /// All events, oldest first.
    let events: [TimelineEvent]
    /// The build's date: events after it are upcoming.
    let asOf: LocalDate

    init(index: SiteIndex, labels: Labels) {
        let site = index.site
        asOf = site.asOf
        var events: [TimelineEvent] = []
        for motion in site.motions {
            let motionPath = Route.motion(motion.slug).path
            let type = labels.label(motion.paperType)
            events.append(TimelineEvent(
                date: motion.date, kind: .paper,
                title: labels.format("timeline.paperSubmitted", ["type": type, "reference": motion.reference]),
                context: motion.name, href: motionPath, badges: [], note: nil, id: "vorlage-\(motion.slug)"
            ))
            for (position, consultation) in motion.consultations.enumerated() {
                guard let date = consultation.date else { continue }
                var badges = [Badge(prefix: labels["badge.result"], text: labels.label(consultation.result), tone: "result-\(consultation.result.rawValue)")]
                if !consultation.isPublic {
                    badges.append(Badge(prefix: nil, text: labels["consultation.nonPublic"], tone: "neutral"))
                }
                events.append(TimelineEvent(
                    date: date, kind: .consultation,
                    title: labels.format("timeline.consultationTitle", [
                        "body": index.bodyName(consultation.organization), "role": labels.label(consultation.role),
                    ]),
                    context: "\(motion.reference): \(motion.name)", href: motionPath + "#gremienweg", badges: badges,
                    note: consultation.agendaItem, id: "beratung-\(motion.slug)-\(position + 1)"
                ))
            }
            for item in motion.resolutionItems {
                guard let due = item.due else { continue }
                var badges = [Badge(prefix: labels["badge.itemStatus"], text: labels.label(item.status), tone: "item-\(item.status.rawValue)")]
                if motion.isOverdue(item, asOf: site.asOf) {
                    badges.append(Badge(prefix: nil, text: labels["badge.overdue"], tone: "overdue"))
                }
                events.append(TimelineEvent(
                    date: due, kind: .due,
                    title: labels.format("timeline.dueTitle", ["item": String(item.id), "reference": motion.reference]),
                    context: TextTools.excerpt(item.text.leadText, limit: 140),
                    href: motionPath + "#" + PageAnchors.resolutionItem(item.id), badges: badges, note: nil,
                    id: "frist-\(motion.slug)-\(item.id)"
                ))
            }
        }
        for measure in site.measures {
            for (position, milestone) in measure.milestones.enumerated() {
                events.append(TimelineEvent(
                    date: milestone.date, kind: .milestone, title: milestone.title, context: measure.title,
                    href: Route.measure(measure.slug).path + "#zeitleiste", badges: [], note: milestone.note,
                    id: "meilenstein-\(measure.slug)-\(position + 1)"
                ))
            }
        }
        for update in site.updates {
            events.append(TimelineEvent(
                date: update.date, kind: .update, title: update.title, context: update.summary,
                href: Route.update(update.slug).path,
                badges: [Badge(prefix: labels["badge.updateType"], text: labels.label(update.type), tone: "update-\(update.type.rawValue)")],
                note: nil, id: "meldung-\(update.slug)"
            ))
        }
        self.events = events.sorted(by: TimelineEvent.chronological)
    }

    /// Events after the build's date, soonest first.
    var upcoming: [TimelineEvent] {
        events.filter { $0.isUpcoming(asOf: asOf) }
    }

    /// Events on or before the build's date, newest first.
    var past: [TimelineEvent] {
        events.filter { !$0.isUpcoming(asOf: asOf) }.reversed()
    }
}
