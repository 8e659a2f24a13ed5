import Foundation
import PortalTestSupport
import Testing
import Yams

/// The CI pipeline files for cities' content repositories: their jobs, the exact portal commands they run, and that
/// those commands succeed on the example content.
@Suite struct CITemplateTests {
    static let folder = PortalBinary.repository + "/ci-templates"

    /// The file as plain values; every scalar stays text (so GitHub's `on:` key is not read as YAML 1.1's `true`).
    static func load(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        let node = try #require(try Yams.compose(yaml: text), "\(name) is empty")
        return try #require(plain(node) as? [String: Any], "\(name) is not a YAML mapping")
    }

    private static func plain(_ node: Node) -> Any {
        switch node {
        case .scalar(let scalar): scalar.string
        case .sequence(let sequence): sequence.map(plain)
        case .mapping(let mapping):
            Dictionary(mapping.map { ($0.key.string ?? "", plain($0.value)) }, uniquingKeysWith: { first, _ in first })
        case .alias: ""
        }
    }

    /// The lines of `script` that run portal.
    static func portalCommands(in script: String) -> [String] {
        script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("portal ") }
    }

    /// The portal commands of the GitHub workflow's build job, in order.
    static func githubCommands() throws -> [String] {
        let workflow = try load("github-actions.yml")
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        let steps = try #require(build["steps"] as? [[String: Any]])
        return steps.compactMap { $0["run"] as? String }.flatMap(portalCommands(in:))
    }

    /// The portal commands of the GitLab jobs, in stage order.
    static func gitlabCommands() throws -> [String] {
        let pipeline = try load("gitlab-ci.yml")
        return ["check", "build"].flatMap { job -> [String] in
            let script = ((pipeline[job] as? [String: Any])?["script"] as? [String]) ?? []
            return script.flatMap(portalCommands(in:))
        }
    }

    @Test func githubWorkflowChecksBuildsAndPublishesToPages() throws {
        let workflow = try Self.load("github-actions.yml")
        let triggers = try #require(workflow["on"] as? [String: Any])
        #expect(((triggers["push"] as? [String: Any])?["branches"] as? [String]) == ["main"])
        #expect(triggers.keys.contains("pull_request"))
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        #expect(Set(jobs.keys) == ["build", "deploy"])

        #expect(try Self.githubCommands() == ["portal check --strict --diagnostics-format github", "portal build --output site"])
        let build = try #require(jobs["build"] as? [String: Any])
        let steps = try #require(build["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains { $0.hasPrefix("actions/checkout@") })
        #expect(uses.contains { $0.hasPrefix("actions/configure-pages@") })
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "site")
        // Check before build, build before upload.
        let order = steps.map { ($0["run"] as? String) ?? ($0["uses"] as? String) ?? "" }
        let check = try #require(order.firstIndex { $0.contains("portal check") })
        let buildStep = try #require(order.firstIndex { $0.contains("portal build") })
        let uploadStep = try #require(order.firstIndex { $0.hasPrefix("actions/upload-pages-artifact@") })
        #expect(check < buildStep && buildStep < uploadStep)

        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect(deploy["needs"] as? String == "build")
        #expect((deploy["permissions"] as? [String: String]) == ["pages": "write", "id-token": "write"])
        #expect(((deploy["environment"] as? [String: Any])?["name"] as? String) == "github-pages")
        let deploySteps = try #require(deploy["steps"] as? [[String: Any]])
        #expect(deploySteps.contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages@") == true })
        #expect((deploy["if"] as? String)?.contains("refs/heads/main") == true, "pull requests are checked, never published")
        #expect((workflow["permissions"] as? [String: String]) == ["contents": "read"])
    }

    @Test func gitlabPipelineChecksBuildsAndPublishesPublic() throws {
        let pipeline = try Self.load("gitlab-ci.yml")
        #expect((pipeline["stages"] as? [String]) == ["check", "build", "deploy"])
        #expect(try Self.gitlabCommands() == ["portal check --strict", "portal build --output public"])
        let check = try #require(pipeline["check"] as? [String: Any])
        #expect(check["stage"] as? String == "check")
        let build = try #require(pipeline["build"] as? [String: Any])
        #expect(build["stage"] as? String == "build")
        #expect(((build["artifacts"] as? [String: Any])?["paths"] as? [String]) == ["public"])
        let pages = try #require(pipeline["pages"] as? [String: Any])
        #expect(pages["stage"] as? String == "deploy")
        #expect((pages["needs"] as? [String]) == ["build"])
        #expect(((pages["artifacts"] as? [String: Any])?["paths"] as? [String]) == ["public"])
        let rules = try #require(pages["rules"] as? [[String: Any]])
        #expect((rules.first?["if"] as? String)?.contains("CI_DEFAULT_BRANCH") == true)
        // The shared setup puts the built portal on PATH for both jobs that run it.
        let setup = try #require(pipeline[".portal"] as? [String: Any])
        let beforeScript = (setup["before_script"] as? [String] ?? []).joined(separator: "\n")
        #expect(beforeScript.contains("swift build -c release"))
        #expect(beforeScript.contains(".portal/.build/release:$PATH"))
        #expect(check["extends"] as? String == ".portal" && build["extends"] as? String == ".portal")
    }

    /// Both pipelines' portal commands, run as written in a copy of the example content repository, succeed; the
    /// built site has pages and no trace of the preview server.
    @Test(arguments: ["github-actions.yml", "gitlab-ci.yml"])
    func commandsSucceedOnTheExampleContent(file: String) throws {
        let commands = try file == "github-actions.yml" ? Self.githubCommands() : Self.gitlabCommands()
        #expect(commands.count == 2)
        let directory = try TemporaryDirectory(prefix: "portal-ci")
        defer { directory.remove() }
        try PortalBinary.copyExampleContent(into: directory.path)
        for command in commands {
            let arguments = command.split(separator: " ").dropFirst().map(String.init)
            let run = try PortalBinary.run(arguments, in: directory.path)
            #expect(run.status == 0, "\(command) failed:\n\(run.stderr)")
            #expect(run.stderr == "", "\(command) reported problems:\n\(run.stderr)")
        }
        let output = directory.path + "/" + (file == "github-actions.yml" ? "site" : "public")
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        #expect(PortalBinary.files(in: output, containing: "__portal") == [])
    }
}
