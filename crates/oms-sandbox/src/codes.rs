//! The envelope codes the sandbox answers with. The OMS documents only `"20000"` (success), so
//! these failure codes are the sandbox's own; the client branches on `success`, never on them,
//! and `GET /open/open/codes` lists them with their meaning.

/// Success.
pub const SUCCESS: &str = oms_api::envelope::SUCCESS_CODE;
/// A field of the request is missing or wrong.
pub const INVALID: &str = "40000";
/// No token, or a token that is malformed, forged, for an unknown key or expired.
pub const UNAUTHORIZED: &str = "40100";
/// The caller may not use this path (admin API from another host).
pub const FORBIDDEN: &str = "40300";
/// No such path, or no such order.
pub const NOT_FOUND: &str = "40400";
/// The path exists with another HTTP method.
pub const METHOD_NOT_ALLOWED: &str = "40500";
/// The request conflicts with stored data (a `referenceNo` already used, a wrong status).
pub const CONFLICT: &str = "40900";
/// Too many requests.
pub const TOO_MANY_REQUESTS: &str = "42900";
/// The sandbox failed.
pub const INTERNAL: &str = "50000";
/// The endpoint exists in the API but the sandbox does not implement it yet.
pub const NOT_IMPLEMENTED: &str = "50100";
/// The sandbox is shutting down, or a fault was injected.
pub const UNAVAILABLE: &str = "50300";

/// Every code with its meaning in Chinese and English (the `return_codes` answer).
pub const RETURN_CODES: &[(&str, &str)] = &[
    (SUCCESS, "请求成功 (request succeeded)"),
    (INVALID, "请求参数有误 (the request has invalid fields)"),
    (
        UNAUTHORIZED,
        "令牌无效或已过期 (token missing, invalid or expired)",
    ),
    (FORBIDDEN, "无权访问 (access denied)"),
    (NOT_FOUND, "资源不存在 (no such path or record)"),
    (METHOD_NOT_ALLOWED, "请求方法不支持 (method not allowed)"),
    (CONFLICT, "与现有数据冲突 (conflicts with stored data)"),
    (TOO_MANY_REQUESTS, "请求过于频繁 (too many requests)"),
    (INTERNAL, "服务器内部错误 (internal server error)"),
    (
        NOT_IMPLEMENTED,
        "沙盒尚未实现此接口 (not implemented in the sandbox yet)",
    ),
    (UNAVAILABLE, "服务暂不可用 (service unavailable)"),
];
