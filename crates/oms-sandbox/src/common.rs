//! Handlers of the public module (welcome, return codes, sandbox token) and of the common-data
//! module (warehouses, shipping channels, categories, countries). Requests are read and
//! validated with the `oms-api` types; answers are the seeded rows, filtered and paged.

use oms_api::auth::mint_token_now;
use oms_api::common::{
    CategoryListRequest, CountryListRequest, ShippingMethodListRequest, WarehouseListRequest,
};
use oms_api::endpoints::EndpointId;
use oms_api::public::{SandboxTokenRequest, WelcomeRequest};
use oms_api::wire::Code;
use oms_api::Secret;
use serde_json::{json, Value};

use crate::codes::RETURN_CODES;
use crate::paging::page_of;
use crate::registry::{Call, Outcome, Refusal, Registry};
use crate::seed::kinds;
use crate::store::SHARED;

/// Registers the public and common-data endpoints.
pub fn register(registry: &mut Registry) {
    registry
        .handle(EndpointId::Welcome, welcome)
        .handle(EndpointId::ReturnCodes, return_codes)
        .handle(EndpointId::SandboxToken, sandbox_token)
        .handle(EndpointId::WarehouseList, warehouse_list)
        .handle(EndpointId::ShippingMethodList, shipping_method_list)
        .handle(EndpointId::CategoryList, category_list)
        .handle(EndpointId::CountryList, country_list);
}

fn welcome(call: &Call) -> Outcome {
    call.request::<WelcomeRequest>()?;

    let account = call
        .account
        .as_ref()
        .ok_or_else(|| Refusal::Internal("welcome without an account".to_owned()))?;

    Ok(json!(format!(
        "欢迎使用 OMS 沙盒，{} (welcome to the OMS sandbox, account {})",
        account.name, account.api_key
    )))
}

fn return_codes(_call: &Call) -> Outcome {
    let codes: Vec<Value> = RETURN_CODES
        .iter()
        .map(|(code, message)| json!({"code": code, "message": message}))
        .collect();

    Ok(Value::Array(codes))
}

fn sandbox_token(call: &Call) -> Outcome {
    let request: SandboxTokenRequest = call.request()?;

    let account = call
        .store
        .read(|db| db.account(&request.api_key))?
        .ok_or_else(|| {
            Refusal::NotFound(format!(
                "API key 不存在 (unknown API key): {}",
                request.api_key
            ))
        })?;
    let token = mint_token_now(&account.api_key, &Secret::new(account.api_secret));

    Ok(json!(token.expose()))
}

fn warehouse_list(call: &Call) -> Outcome {
    let request: WarehouseListRequest = call.request()?;

    let rows = shared_rows(call, kinds::WAREHOUSE)?
        .into_iter()
        .filter(|row| matches_text(&row["warehouseCode"], request.warehouse_code.as_deref()))
        .collect();

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn shipping_method_list(call: &Call) -> Outcome {
    let request: ShippingMethodListRequest = call.request()?;
    let method_type = request.method_type.map(|code| code.code().to_string());

    let rows = shared_rows(call, kinds::SHIPPING_METHOD)?
        .into_iter()
        .filter(|row| {
            matches_text(
                &row["openWarehouse"]["warehouseCode"],
                request.warehouse_code.as_deref(),
            ) && matches_text(&row["code"], request.code.as_deref())
                && matches_text(&row["methodType"], method_type.as_deref())
        })
        .collect();

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn category_list(call: &Call) -> Outcome {
    let request: CategoryListRequest = call.request()?;
    let wanted = request
        .name
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_lowercase);

    let rows = shared_rows(call, kinds::CATEGORY)?
        .into_iter()
        .filter(|row| {
            let Some(wanted) = &wanted else {
                return true;
            };
            ["name", "nameEn"].iter().any(|field| {
                row[*field]
                    .as_str()
                    .is_some_and(|name| name.to_lowercase().contains(wanted))
            })
        })
        .collect();

    Ok(page_of(rows, request.common_param.as_ref()))
}

fn country_list(call: &Call) -> Outcome {
    let request: CountryListRequest = call.request()?;

    let rows = shared_rows(call, kinds::COUNTRY)?
        .into_iter()
        .filter(|row| matches_text(&row["code2"], request.code2.as_deref()))
        .collect();

    Ok(page_of(rows, request.common_param.as_ref()))
}

/// The bodies of the reference rows of one kind.
fn shared_rows(call: &Call, kind: &str) -> Result<Vec<Value>, Refusal> {
    let records = call.store.read(|db| db.records(kind, SHARED))?;

    Ok(records.into_iter().map(|record| record.body).collect())
}

/// True when there is no filter, or the value equals it (ignoring case and surrounding space).
fn matches_text(value: &Value, filter: Option<&str>) -> bool {
    let Some(filter) = filter.map(str::trim).filter(|f| !f.is_empty()) else {
        return true;
    };
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        _ => return false,
    };

    text.eq_ignore_ascii_case(filter)
}
