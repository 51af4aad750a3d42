import { MAX_IMAGE_EDGE_PX } from '@dml/shared';

/**
 * The most pixels an embedded image may have, read from its header before anything is decoded. The
 * app's phones shrink photos to 1600 px on the long side, so twice a 1600 × 1600 square is room for
 * any of them; a PNG beyond it would decode to tens of MB (a 148 KB file can claim 6000 × 6000, 144 MB
 * of samples) and a JPEG beyond it makes every viewer of the report decode as much. Such images are
 * left out of the report and named as not included.
 */
export const MAX_IMAGE_PIXELS = 2 * MAX_IMAGE_EDGE_PX * MAX_IMAGE_EDGE_PX;

export const tooManyPixels = (width: number, height: number) => width * height > MAX_IMAGE_PIXELS;
