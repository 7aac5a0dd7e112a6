import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** The page heading browser tests look for (data-testid="page-title"), with optional actions on the right. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  useDocumentTitle(typeof children === 'string' ? children : null);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}

/** Sets the browser tab title to "<page> · 邻里 Linli". */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · 邻里 Linli` : '邻里 Linli';
  }, [title]);
}
