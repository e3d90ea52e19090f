import { useEffect } from 'react';
import { PRODUCT_NAME } from '@/config/constants';

/** Sets document.title to "<title> · ScaiKey Admin" while the calling page is shown. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
