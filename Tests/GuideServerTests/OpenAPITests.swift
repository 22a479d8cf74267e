import Foundation
import Testing
@testable import GuideServer

/// `docs/openapi.json` is valid OpenAPI 3.1 and describes the routes the server has.
@Suite struct OpenAPITests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.json")

    @Test func passesTheValidator() throws {
        let check = """
            import json, sys
            from openapi_spec_validator import validate
            with open(sys.argv[1]) as f:
                spec = json.load(f)
            assert spec["openapi"].startswith("3.1"), spec["openapi"]
            validate(spec)
            print("valid")
            """
        let result = try ExternalClientTests.run("python3", ["-c", check, Self.document.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "valid\n")
    }

    @Test func describesEveryRouteAndMethod() throws {
        let data = try Data(contentsOf: Self.document)
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        #expect(Set(paths.keys) == Set(Router.routes.map(\.path)))
        for route in Router.routes {
            let documented = Set(paths[route.path, default: [:]].keys.map { $0.uppercased() })
            let served = Set(route.methods).subtracting(["HEAD", "OPTIONS"])
            #expect(served.isSubset(of: documented), "\(route.path)")
        }
    }
}
