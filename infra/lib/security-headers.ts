import { createHash } from 'node:crypto';
import { Duration, Stack } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/**
 * CSP sources for the <style> blocks of the built index.html (the web build inlines its entry CSS so
 * the first paint waits for no request): their sha256, so no other inline style is allowed.
 */
export const inlineStyleHashes = (indexHtml: string) =>
  [...indexHtml.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '', 'utf8')
        .digest('base64')}'`,
  );

/**
 * The CSP of the SPA. The API id and the attachments bucket are created after the distribution
 * (they need its domain for CORS), so they are allowed by their regional host patterns.
 */
export const contentSecurityPolicy = (scope: Construct, styleHashes: readonly string[] = []) => {
  const { region, urlSuffix } = Stack.of(scope);
  const api = `https://*.execute-api.${region}.${urlSuffix}`;
  const cognito = `https://cognito-idp.${region}.${urlSuffix}`;
  // Presigned POST/GET URLs, virtual-hosted and path style.
  const s3 = `https://*.s3.${region}.${urlSuffix} https://s3.${region}.${urlSuffix}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    // data:/blob: for photos shrunk on the phone before upload.
    `img-src 'self' data: blob: ${s3}`,
    "font-src 'self'",
    `connect-src 'self' ${api} ${cognito} ${s3}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
};

export const securityHeadersPolicy = (scope: Construct, styleHashes: readonly string[]) =>
  new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Digital Mentorship Log: HSTS, CSP, nosniff, no framing, strict referrer',
    securityHeadersBehavior: {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365),
        includeSubdomains: true,
        override: true,
      },
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy(scope, styleHashes),
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
    },
    customHeadersBehavior: {
      customHeaders: [
        // Mentors check in with GPS and take photos; nothing else is needed.
        {
          header: 'Permissions-Policy',
          value: 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
          override: true,
        },
      ],
    },
  });
