import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SnackbarProvider } from '@/components/feedback/snackbar-provider';
import { ColorModeProvider } from '@/components/theme/color-mode-provider';
import { createQueryClient } from '@/lib/query-client';

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own (retry off); the app creates one with the defaults in lib/query-client. */
  queryClient?: QueryClient;
}

/** Data (react-query), theme (MUI, light/dark) and snackbars for everything below. */
export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ColorModeProvider>
        <SnackbarProvider>{children}</SnackbarProvider>
      </ColorModeProvider>
    </QueryClientProvider>
  );
}
