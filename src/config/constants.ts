/** The product name: app bar, document titles ("Tenants · ScaiKey Admin"), bootstrap pages. */
export const PRODUCT_NAME = 'ScaiKey Admin';
