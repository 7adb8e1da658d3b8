//! Paging as the OMS does it: filters plus `commonParam.pageParam {pageNum, pageSize}` in the
//! request, and `{pageNum, pageSize, totalCount, totalPage, list}` in `data` (the counters may
//! arrive as strings). A page walker fetches every page of a list but stops at the last page and
//! at a hard cap, so a server that keeps saying "there is more" cannot loop us forever.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::endpoints::EndpointId;
use crate::error::Result;
use crate::validate::{Validate, Validator};
use crate::wire::{self, Extra};
use crate::Client;

/// The largest page the client asks for (the documentation gives no maximum; 100 is what the
/// third-party integration uses).
pub const MAX_PAGE_SIZE: u32 = 100;

/// The most pages one walk fetches before it stops.
pub const PAGE_CAP: u32 = 1000;

/// `commonParam` of list requests.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CommonParam {
    /// Which page to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_param: Option<PageParam>,
    /// Fields the vendor may add.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

impl CommonParam {
    /// `commonParam` asking for one page.
    pub fn page(page_num: u32, page_size: u32) -> Self {
        Self {
            page_param: Some(PageParam {
                page_num,
                page_size,
            }),
            extra: Extra::new(),
        }
    }
}

/// `pageParam`: pages start at 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PageParam {
    /// Page number, from 1.
    #[serde(with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub page_num: u32,
    /// Rows per page, 1 to 100.
    #[serde(with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub page_size: u32,
}

impl Default for PageParam {
    fn default() -> Self {
        Self {
            page_num: 1,
            page_size: 10,
        }
    }
}

impl Validate for CommonParam {
    fn validate(&self, check: &mut Validator) {
        if let Some(page) = &self.page_param {
            if page.page_num < 1 {
                check.error("pageParam.pageNum", "页码从 1 开始", "pages start at 1");
            }
            if !(1..=MAX_PAGE_SIZE).contains(&page.page_size) {
                check.error(
                    "pageParam.pageSize",
                    format!(
                        "每页条数应在 1 到 {MAX_PAGE_SIZE} 之间，当前 {}",
                        page.page_size
                    ),
                    format!(
                        "must be between 1 and {MAX_PAGE_SIZE}, is {}",
                        page.page_size
                    ),
                );
            }
        }
    }
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// The page number.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub page_num: Option<u32>,
    /// Rows per page.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub page_size: Option<u32>,
    /// Rows matching the filters, on all pages.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub total_count: Option<u64>,
    /// Number of pages.
    #[serde(default, with = "wire::json_int")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub total_page: Option<u32>,
    /// The rows of this page.
    #[serde(default = "Vec::new", deserialize_with = "list_or_null")]
    #[cfg_attr(feature = "specta", specta(type = Vec<T>))]
    pub list: Vec<T>,
    /// Fields we do not know yet.
    #[serde(flatten)]
    #[cfg_attr(feature = "specta", specta(type = crate::wire::ExtraType))]
    pub extra: Extra,
}

fn list_or_null<'de, D, T>(deserializer: D) -> std::result::Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// A list request: it carries `commonParam`, so a walker can set the page.
pub trait PagedRequest: Serialize + Validate + Clone {
    /// The `commonParam` field.
    fn common_param_mut(&mut self) -> &mut Option<CommonParam>;

    /// Asks for page `page_num` of `page_size` rows.
    fn set_page(&mut self, page_num: u32, page_size: u32) {
        let common = self
            .common_param_mut()
            .get_or_insert_with(CommonParam::default);
        common.page_param = Some(PageParam {
            page_num,
            page_size,
        });
    }
}

/// Implements [`PagedRequest`] for list requests with a `common_param` field.
#[macro_export]
macro_rules! paged_request {
    ($($request:ty),+ $(,)?) => {
        $(
            impl $crate::paging::PagedRequest for $request {
                fn common_param_mut(&mut self) -> &mut Option<$crate::paging::CommonParam> {
                    &mut self.common_param
                }
            }
        )+
    };
}

/// Every row of a list, fetched page by page.
#[derive(Clone, Debug, PartialEq)]
pub struct AllRows<T> {
    /// The rows, in server order.
    pub rows: Vec<T>,
    /// The `totalCount` the server reported on the first page.
    pub total_count: Option<u64>,
    /// True when the walk stopped at [`PAGE_CAP`] before the last page.
    pub capped: bool,
}

/// Walks the pages of a list, one request per page.
pub struct PageWalker<R, T> {
    client: Client,
    endpoint: EndpointId,
    request: R,
    page_size: u32,
    next_page: Option<u32>,
    fetched: u32,
    cap: u32,
    capped: bool,
    marker: std::marker::PhantomData<T>,
}

impl<R: PagedRequest, T: DeserializeOwned> PageWalker<R, T> {
    pub(crate) fn new(client: Client, endpoint: EndpointId, request: R, page_size: u32) -> Self {
        Self {
            client,
            endpoint,
            request,
            page_size: page_size.clamp(1, MAX_PAGE_SIZE),
            next_page: Some(1),
            fetched: 0,
            cap: PAGE_CAP,
            capped: false,
            marker: std::marker::PhantomData,
        }
    }

    /// Stops after `cap` pages (at most [`PAGE_CAP`]).
    pub fn with_cap(mut self, cap: u32) -> Self {
        self.cap = cap.clamp(1, PAGE_CAP);
        self
    }

    /// The next page, or `None` after the last one or at the cap.
    pub async fn next_page(&mut self) -> Option<Result<Page<T>>> {
        let page_num = self.next_page?;
        if self.fetched >= self.cap {
            self.capped = true;
            self.next_page = None;
            return None;
        }

        let mut request = self.request.clone();
        request.set_page(page_num, self.page_size);

        let page: Page<T> = match self.client.call(self.endpoint, &request).await {
            Ok(page) => page,
            Err(error) => {
                self.next_page = None;
                return Some(Err(error));
            }
        };

        self.fetched += 1;
        let last_by_total = page.total_page.is_some_and(|total| page_num >= total);
        let last_by_size = (page.list.len() as u32) < self.page_size;
        self.next_page = if last_by_total || last_by_size || page.list.is_empty() {
            None
        } else {
            Some(page_num + 1)
        };

        Some(Ok(page))
    }

    /// Fetches every page and returns all rows.
    pub async fn all(mut self) -> Result<AllRows<T>> {
        let mut rows = Vec::new();
        let mut total_count = None;

        while let Some(page) = self.next_page().await {
            let page = page?;
            total_count = total_count.or(page.total_count);
            rows.extend(page.list);
        }

        Ok(AllRows {
            rows,
            total_count,
            capped: self.capped,
        })
    }
}

impl Client {
    /// Walks every page of a list endpoint with `page_size` rows per page.
    pub fn pages<R: PagedRequest, T: DeserializeOwned>(
        &self,
        endpoint: EndpointId,
        request: R,
        page_size: u32,
    ) -> PageWalker<R, T> {
        PageWalker::new(self.clone(), endpoint, request, page_size)
    }
}
