// The Filing module is organised by use case (one folder and namespace each); tests cross them freely.
global using Assessment.Filing.Acceptance;
global using Assessment.Filing.Applications;
global using Assessment.Filing.Evaluation;
global using Assessment.Filing.Filings;
global using Assessment.Filing.Granting;
global using Assessment.Filing.Lifecycle;
global using Assessment.Filing.Materials;
global using Assessment.Filing.Publicity;
global using Assessment.Filing.Submission;
