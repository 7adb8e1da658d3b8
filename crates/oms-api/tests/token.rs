//! The token scheme of SPEC.md §1, checked against the example in `shared/oms-api/examples/`
//! and on the wire: a key-and-secret client sends a fresh token that verifies, every request.

mod support;

use oms_api::auth::{mint_token, TokenParts};
use oms_api::{Client, Credentials, Secret};
use support::{read_json, spec_dir, Reply, TestServer};

#[test]
fn the_minted_token_equals_the_documented_example() {
    let expected = read_json(&spec_dir().join("examples/sandbox-token.response.json"));

    let token = mint_token(
        "keyEXAMPLE0000000000000000000000000",
        &Secret::new("secretEXAMPLE"),
        1_772_424_621_277,
        "42eb69234f964d369f6f0d43fac8fe9f",
    );

    assert_eq!(token.expose(), expected["data"].as_str().unwrap());
}

#[tokio::test]
async fn each_request_carries_a_fresh_token_that_verifies_with_the_secret() {
    let server = TestServer::start().await;
    server.always("/open", Reply::Data("welcome".into()));
    let client = Client::new(
        &server.base_url,
        Credentials::key_and_secret("key-1", "secret-1"),
    )
    .unwrap();

    client.welcome().await.expect("first call");
    client.welcome().await.expect("second call");

    let tokens: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.authorization.clone().expect("Authorization sent"))
        .collect();
    assert_eq!(tokens.len(), 2);
    assert_ne!(tokens[0], tokens[1], "a minted token must never be reused");
    for token in &tokens {
        assert!(
            !token.starts_with("Bearer"),
            "the raw token is sent, without Bearer"
        );
        let parts = TokenParts::parse(token).expect("token parses");
        assert_eq!(parts.api_key, "key-1");
        assert!(
            parts.verify(&Secret::new("secret-1")),
            "signature verifies with the secret"
        );
        assert_eq!(parts.nonce.len(), 32);
    }
}

#[tokio::test]
async fn a_ready_made_token_is_sent_as_is_and_the_sandbox_token_call_sends_none() {
    let server = TestServer::start().await;
    server.always("/open", Reply::Data("welcome".into()));
    server.always("/open/open/api-token", Reply::Data("bWludGVk".into()));
    let client = Client::new(&server.base_url, Credentials::token("tok-123")).unwrap();

    client.welcome().await.unwrap();
    let minted = oms_api::public::fetch_sandbox_token(&server.base_url, "my key")
        .await
        .unwrap();

    let requests = server.requests();
    assert_eq!(requests[0].authorization.as_deref(), Some("tok-123"));
    assert_eq!(requests[1].method, "GET");
    assert_eq!(requests[1].query.as_deref(), Some("apiKey=my+key"));
    assert_eq!(
        requests[1].authorization, None,
        "the sandbox token call needs no token"
    );
    assert_eq!(minted.expose(), "bWludGVk");
}
