import type { TablePaginationConfig } from 'antd';
import { useI18n } from '../app/i18n';

export type PageState = { page: number; pageSize: number };

/** antd pagination for a list the server pages: the total from its answer, back to page 1 when the page size changes. */
/** `capped`: the server stopped counting at `total`, so it is shown as "total+". */
export function usePagination(
  state: PageState,
  total: number | undefined,
  onPage: (next: PageState) => void,
  pageSizes?: number[],
  capped = false,
) {
  const { t } = useI18n();
  const config: TablePaginationConfig = {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: pageSizes,
    showTotal: (n) => t('common.total', { n: capped ? `${n}+` : n }),
    onChange: (page, pageSize) => onPage({ page: pageSize === state.pageSize ? page : 1, pageSize }),
  };
  return config;
}
