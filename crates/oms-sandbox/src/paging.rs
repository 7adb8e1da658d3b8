//! Paging of list answers exactly as SPEC.md describes it: `commonParam.pageParam {pageNum,
//! pageSize}`, default page 1 of 10 rows, and `{pageNum, pageSize, totalCount, totalPage, list}`
//! in `data`. A page size above 100 never reaches this code: the shared `CommonParam` validation
//! refuses it, the same rule the client applies before sending.

use oms_api::paging::{CommonParam, PageParam};
use serde_json::{json, Value};

/// One page of `rows` as the OMS answers it.
pub fn page_of(rows: Vec<Value>, common: Option<&CommonParam>) -> Value {
    let param = common
        .and_then(|common| common.page_param)
        .unwrap_or_default();
    let PageParam {
        page_num,
        page_size,
    } = param;

    let total_count = rows.len() as u64;
    let total_page = total_count.div_ceil(u64::from(page_size.max(1)));
    let skip = (page_num.max(1) as usize - 1).saturating_mul(page_size as usize);
    let list: Vec<Value> = rows
        .into_iter()
        .skip(skip)
        .take(page_size as usize)
        .collect();

    json!({
        "pageNum": page_num,
        "pageSize": page_size,
        "totalCount": total_count,
        "totalPage": total_page,
        "list": list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(n: u64) -> Vec<Value> {
        (1..=n).map(|i| json!(i)).collect()
    }

    #[test]
    fn the_default_is_the_first_ten_rows() {
        let page = page_of(numbers(25), None);

        assert_eq!(page["totalCount"], 25);
        assert_eq!(page["totalPage"], 3);
        assert_eq!(page["list"].as_array().unwrap().len(), 10);
    }

    #[test]
    fn the_last_page_is_short_and_beyond_it_is_empty() {
        let last = page_of(numbers(25), Some(&CommonParam::page(3, 10)));
        let beyond = page_of(numbers(25), Some(&CommonParam::page(4, 10)));

        assert_eq!(last["list"], json!([21, 22, 23, 24, 25]));
        assert_eq!(beyond["list"], json!([]), "a page past the end is empty");
    }
}
