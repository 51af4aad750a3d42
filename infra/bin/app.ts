import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '#lib/app';
import { readConfig } from '#lib/config';

const app = new App();
buildApp(app, readConfig(app.node));
// Every finding fails synth unless acknowledged with a reason next to the construct it concerns.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
