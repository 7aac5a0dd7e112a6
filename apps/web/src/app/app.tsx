import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from './i18n';
import { queryClient } from './query-client';
import { AppRoutes } from './routes';
import { ThemeRoot } from './theme';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemeRoot>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ThemeRoot>
      </I18nProvider>
    </QueryClientProvider>
  );
}
