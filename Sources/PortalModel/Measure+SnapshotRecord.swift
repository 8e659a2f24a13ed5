extension Measure: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            slug: try reader.string(), title: try reader.string(), summary: try reader.string(), area: try reader.string(),
            status: try reader.vocabulary(MeasureStatus.self), riskClass: try reader.vocabulary(RiskClass.self),
            automation: try reader.vocabulary(Automation.self), humanOversight: try reader.string(),
            personalData: try reader.vocabulary(PersonalData.self), legalBasis: try reader.strings(),
            impactAssessments: try reader.array { try reader.record(ImpactAssessment.self) },
            opportunities: try reader.strings(), limits: try reader.strings(),
            risks: try reader.array { try reader.record(Risk.self) },
            savings: try reader.optional { try reader.record(Savings.self) }, vendor: try reader.optionalString(),
            partners: try reader.strings(), hosting: try reader.optional { try reader.vocabulary(Hosting.self) },
            dataSources: try reader.array { try reader.record(Link.self) },
            motions: try reader.array { try reader.record(MotionLink.self) },
            milestones: try reader.array { try reader.record(Milestone.self) },
            contact: try reader.string(), responsibleUnit: try reader.string(), euDatabaseURL: try reader.optionalString(),
            updated: try reader.record(LocalDate.self), tags: try reader.strings(),
            description: try reader.record(RichText.self), sourcePath: try reader.string())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(slug)
        buffer.string(title)
        buffer.string(summary)
        buffer.string(area)
        buffer.vocabulary(status)
        buffer.vocabulary(riskClass)
        buffer.vocabulary(automation)
        buffer.string(humanOversight)
        buffer.vocabulary(personalData)
        buffer.strings(legalBasis)
        buffer.array(impactAssessments) { $0.write(to: buffer) }
        buffer.strings(opportunities)
        buffer.strings(limits)
        buffer.array(risks) { $0.write(to: buffer) }
        buffer.optional(savings) { $0.write(to: buffer) }
        buffer.optionalString(vendor)
        buffer.strings(partners)
        buffer.optional(hosting, buffer.vocabulary)
        buffer.array(dataSources) { $0.write(to: buffer) }
        buffer.array(motions) { $0.write(to: buffer) }
        buffer.array(milestones) { $0.write(to: buffer) }
        buffer.string(contact)
        buffer.string(responsibleUnit)
        buffer.optionalString(euDatabaseURL)
        updated.write(to: buffer)
        buffer.strings(tags)
        description.write(to: buffer)
        buffer.string(sourcePath)
    }
}

extension Measure.ImpactAssessment: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            type: try reader.vocabulary(ImpactAssessmentType.self), date: try reader.optional { try reader.record(LocalDate.self) },
            url: try reader.optionalString(), summary: try reader.optionalString())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.vocabulary(type)
        buffer.optional(date) { $0.write(to: buffer) }
        buffer.optionalString(url)
        buffer.optionalString(summary)
    }
}

extension Measure.Risk: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(risk: try reader.string(), mitigation: try reader.optionalString())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(risk)
        buffer.optionalString(mitigation)
    }
}

extension Measure.Savings: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(expected: try reader.optional { try reader.record(Figure.self) }, realised: try reader.optional { try reader.record(Figure.self) })
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.optional(expected) { $0.write(to: buffer) }
        buffer.optional(realised) { $0.write(to: buffer) }
    }
}

extension Measure.Savings.Figure: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(
            hoursPerYear: try reader.optional(reader.double), eurosPerYear: try reader.optional(reader.double),
            asOf: try reader.optional { try reader.record(LocalDate.self) }, note: try reader.optionalString())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.optional(hoursPerYear, buffer.double)
        buffer.optional(eurosPerYear, buffer.double)
        buffer.optional(asOf) { $0.write(to: buffer) }
        buffer.optionalString(note)
    }
}

extension Measure.Link: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(title: try reader.string(), url: try reader.optionalString())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(title)
        buffer.optionalString(url)
    }
}

extension Measure.MotionLink: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(reference: try reader.string(), item: try reader.optional(reader.int))
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        buffer.string(reference)
        buffer.optional(item, buffer.int)
    }
}

extension Measure.Milestone: SnapshotRecord {
    public init(snapshot reader: SnapshotDecoder.Reader) throws {
        self.init(date: try reader.record(LocalDate.self), title: try reader.string(), note: try reader.optionalString())
    }

    public func write(to buffer: SnapshotEncoder.Buffer) {
        date.write(to: buffer)
        buffer.string(title)
        buffer.optionalString(note)
    }
}
