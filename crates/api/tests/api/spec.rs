//! The committed spec matches the code, documents every error, and docker-compose is sane.

use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_committed_spec_matches_the_code() {
    let committed =
        std::fs::read_to_string(repo_root().join("api-spec/openapi.json")).unwrap_or_default();
    let generated = partnerhub_api::openapi::json();
    assert!(
        committed == generated,
        "api-spec/openapi.json is stale: run `just spec` and commit it"
    );
}

#[test]
fn every_operation_documents_its_errors_as_problem_json() {
    let spec: serde_json::Value = serde_json::from_str(&partnerhub_api::openapi::json()).unwrap();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            let secured = op.get("security").is_some();
            let mut expected = vec!["500"];
            if secured {
                expected.extend(["401", "403"]);
            }
            if op.get("requestBody").is_some() {
                expected.extend(["400", "413", "415", "422"]);
            }
            if path.contains('{') {
                expected.push("404");
            }
            if path == "/api/v1/auth/login" {
                expected.push("429");
            }
            for status in expected {
                let r = responses
                    .get(status)
                    .unwrap_or_else(|| panic!("{method} {path} lacks {status}"));
                assert!(
                    r["content"]["application/problem+json"].is_object(),
                    "{method} {path} {status}"
                );
            }
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
        }
    }
}

/// Every `$ref` of the committed document points at something it defines: generators such as
/// openapi-typescript refuse the whole document otherwise.
#[test]
fn every_reference_in_the_spec_resolves() {
    let committed =
        std::fs::read_to_string(repo_root().join("api-spec/openapi.json")).unwrap_or_default();
    let spec: serde_json::Value = serde_json::from_str(&committed).unwrap();
    fn refs<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v.as_str()) {
                        ("$ref", Some(r)) => out.push(r),
                        _ => refs(v, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut found = vec![];
    refs(&spec, &mut found);
    assert!(found.len() > 100, "the walk found the references");
    let dangling: Vec<&str> = found
        .into_iter()
        .filter(|r| {
            let pointer = r.strip_prefix('#').unwrap_or("not a local reference");
            spec.pointer(pointer).is_none()
        })
        .collect();
    assert!(dangling.is_empty(), "unresolved references: {dangling:?}");
}

#[test]
fn docker_compose_defines_postgres_and_the_api_with_health_checks() {
    let text = std::fs::read_to_string(repo_root().join("docker-compose.yml")).unwrap();
    let doc: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let services = &doc["services"];
    for name in ["postgres", "api"] {
        assert!(
            services[name]["healthcheck"]["test"].is_sequence(),
            "{name} has no healthcheck"
        );
    }
    assert!(services["api"]["build"]["dockerfile"].as_str().is_some());
    let volumes = doc["volumes"].as_mapping().expect("named volumes");
    assert!(volumes.contains_key("pgdata"), "postgres data volume");
    let env = &services["api"]["environment"];
    assert!(
        env["PARTNERHUB__DATABASE__URL"]
            .as_str()
            .unwrap()
            .starts_with("postgres://")
    );
    assert!(
        repo_root()
            .join(services["api"]["build"]["dockerfile"].as_str().unwrap())
            .is_file()
    );
}

#[actix_web::test]
async fn every_documented_operation_is_routed() {
    let app = crate::helpers::TestApp::spawn().await;
    let spec: serde_json::Value = serde_json::from_str(&partnerhub_api::openapi::json()).unwrap();
    let id = uuid::Uuid::new_v4().to_string();
    for (path, item) in spec["paths"].as_object().unwrap() {
        let concrete = path
            .replace("{process}", "data_collection")
            .replace("{item}", "formal_agreement")
            .replace("{token}", "not-a-token")
            .replace("{contact_id}", &id)
            .replace("{id}", &id);
        for method in item.as_object().unwrap().keys() {
            let res = app
                .client
                .request(method.to_uppercase().parse().unwrap(), app.url(&concrete))
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            let body = res.text().await.unwrap_or_default();
            let unrouted =
                status == 405 || (status == 404 && body.contains("\"Resource not found\""));
            assert!(
                !unrouted,
                "{method} {path} is documented but not routed ({status})"
            );
        }
    }
}
